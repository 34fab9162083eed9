using Plotly.NET;

namespace NewsLens;

public static partial class ActorCharts
{
    /// <inheritdoc cref="CooccurrenceHeatmap(IReadOnlyDictionary{string, int}, IEnumerable{ActorPair}, HeatmapOptions?)"/>
    public static GenericChart CooccurrenceHeatmap(CooccurrenceTable table, HeatmapOptions? options = null) =>
        CooccurrenceHeatmap(WindowCounts(table), Pairs(table), (options ?? new HeatmapOptions()) with { Window = WindowNoun(table), CountsWindows = true });

    /// <inheritdoc cref="Network(IReadOnlyDictionary{string, int}, IEnumerable{ActorPair}, NetworkOptions?)"/>
    public static GenericChart Network(CooccurrenceTable table, NetworkOptions? options = null) =>
        Network(WindowCounts(table), Pairs(table), (options ?? new NetworkOptions()) with { Window = WindowNoun(table), CountsWindows = true });

    /// <summary>The pairs of a co-occurrence table with their counts and NPMI.</summary>
    public static IReadOnlyList<ActorPair> Pairs(CooccurrenceTable table) =>
        Unsliced(table).Select(e => new ActorPair(e.A, e.B, e.Count, e.Npmi)).ToList();

    /// <summary>Windows holding each actor of the table (the marginal counts of its pairs).</summary>
    public static IReadOnlyDictionary<string, int> WindowCounts(CooccurrenceTable table)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var edge in Unsliced(table))
        {
            counts[edge.A] = edge.ACount;
            counts[edge.B] = edge.BCount;
        }

        return counts;
    }

    private static IReadOnlyList<CooccurrenceEdge> Unsliced(CooccurrenceTable table) =>
        table.Options.Period is null
            ? table.Edges
            : throw new ArgumentException("chart a co-occurrence table computed without a Period (one picture per period: compute one table each)", nameof(table));

    private static string WindowNoun(CooccurrenceTable table) => table.Options.Window switch
    {
        CooccurrenceWindow.Sentence => "sentences",
        CooccurrenceWindow.Paragraph => "paragraphs",
        _ => "articles",
    };
}
