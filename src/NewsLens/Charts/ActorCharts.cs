using Humanizer;
using Plotly.NET;

namespace NewsLens;

/// <summary>Two actors seen together: how often, and how strongly associated (e.g. NPMI, -1…1).</summary>
public sealed record ActorPair(string A, string B, int Count, double Association);

public enum HeatmapOrder
{
    /// <summary>Actors that co-occur with the same others sit next to each other (average-linkage clustering).</summary>
    Clustering,

    /// <summary>Most mentioned actors first.</summary>
    Frequency,
}

/// <summary>Which number a co-occurrence chart shows.</summary>
public enum PairMeasure
{
    /// <summary>Raw co-occurrence counts: dominated by the most mentioned actors.</summary>
    Count,

    /// <summary>The pair's association (NPMI): corrects for how often each actor appears on its own.</summary>
    Association,
}

public sealed record HeatmapOptions
{
    public int Top { get; init; } = 20;

    public HeatmapOrder Order { get; init; } = HeatmapOrder.Clustering;

    public PairMeasure Measure { get; init; } = PairMeasure.Count;

    /// <summary>What a co-occurrence is ("sentences", "articles"), for titles and hover text.</summary>
    public string Window { get; init; } = "sentences";

    /// <summary>Set when the per-actor counts are windows naming the actor (from a co-occurrence table), not mentions.</summary>
    internal bool CountsWindows { get; init; }
}

public sealed record NetworkOptions
{
    /// <summary>Most mentioned actors drawn.</summary>
    public int Top { get; init; } = 30;

    /// <summary>Pairs seen together fewer times are not drawn.</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>Edge width follows the association (default) or the raw count.</summary>
    public PairMeasure EdgeWidth { get; init; } = PairMeasure.Association;

    public string Window { get; init; } = "sentences";

    /// <summary>Set when the per-actor counts are windows naming the actor (from a co-occurrence table), not mentions.</summary>
    internal bool CountsWindows { get; init; }

    /// <summary>Iterations of the force-directed layout.</summary>
    public int Iterations { get; init; } = 300;
}

/// <summary>Charts of who appears with whom: a co-occurrence heatmap and a force-directed actor network.</summary>
public static partial class ActorCharts
{
    /// <summary>A symmetric actor × actor heatmap of co-occurrence counts or associations, ordered by clustering or frequency.</summary>
    public static GenericChart CooccurrenceHeatmap(IReadOnlyDictionary<string, int> mentions, IEnumerable<ActorPair> pairs, HeatmapOptions? options = null)
    {
        options ??= new HeatmapOptions();
        var pairList = pairs.ToList();
        var actors = TopActors(mentions, options.Top);
        var index = actors.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);
        var n = actors.Count;
        var counts = new int[n, n];
        var association = new double?[n, n];
        foreach (var pair in pairList)
        {
            if (!index.TryGetValue(pair.A, out var i) || !index.TryGetValue(pair.B, out var j) || i == j)
                continue;
            counts[i, j] = counts[j, i] = pair.Count;
            association[i, j] = association[j, i] = pair.Association;
        }

        var order = options.Order == HeatmapOrder.Frequency
            ? Enumerable.Range(0, n).ToList()
            : Clustering.LeafOrder(n, (i, j) => association[i, j] ?? -1);
        var labels = order.Select(i => actors[i]).ToArray();
        var z = order.Select(i => order.Select(j => i == j ? (double?)null : options.Measure == PairMeasure.Count ? counts[i, j] : association[i, j]).ToArray()).ToArray();
        var hover = order.Select(i => order.Select(j => i == j
            ? $"{actors[i]}: {Own(mentions[actors[i]], options.CountsWindows, options.Window)}"
            : $"{actors[i]} & {actors[j]}: together in {options.Window.ToQuantity(counts[i, j])}" +
              (association[i, j] is { } a ? $", association {Figure.Number(a)}" : "")).ToArray()).ToArray();

        var measure = options.Measure == PairMeasure.Count ? $"{options.Window.Transform(To.SentenceCase)} together" : "Association (NPMI)";
        return new Figure(
                $"Who appears with whom: {"actor".ToQuantity(n)}, {(options.Measure == PairMeasure.Count ? "co-occurrence counts" : "association (NPMI)")}",
                $"co-occurrence within {options.Window}; ordered by "
                + (options.Order == HeatmapOrder.Clustering ? "clustering" : options.CountsWindows ? $"{options.Window} naming each actor" : "mentions")
                + (options.Measure == PairMeasure.Association ? "; blank: never together" : ""))
            .Trace("heatmap",
                ("x", labels),
                ("y", labels),
                ("z", z),
                ("customdata", hover),
                ("hovertemplate", QuoteCharts.Hover),
                ("colorscale", options.Measure == PairMeasure.Count ? "Blues" : "RdBu"),
                ("reversescale", true),
                ("zmid", options.Measure == PairMeasure.Association ? 0 : null),
                ("xgap", 1),
                ("ygap", 1),
                ("colorbar", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = measure } }))
            .Axis("xaxis", "", categoryOrderAsGiven: true)
            .Axis("yaxis", "", reversed: true, categoryOrderAsGiven: true)
            .Set("xaxis", new Dictionary<string, object> { ["tickangle"] = -45, ["automargin"] = true })
            .Height(Math.Max(420, 160 + 26 * n))
            .Build();
    }

    /// <summary>
    /// The actor network: nodes sized by mentions, edges as wide as the association (or count), laid out by a
    /// deterministic force-directed simulation; hovering a node or an edge's midpoint gives the counts.
    /// </summary>
    public static GenericChart Network(IReadOnlyDictionary<string, int> mentions, IEnumerable<ActorPair> pairs, NetworkOptions? options = null)
    {
        options ??= new NetworkOptions();
        var actors = TopActors(mentions, options.Top);
        var index = actors.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);
        var edges = pairs
            .Where(p => p.Count >= options.MinCount && index.ContainsKey(p.A) && index.ContainsKey(p.B) && p.A != p.B)
            .OrderBy(p => p.A, StringComparer.Ordinal).ThenBy(p => p.B, StringComparer.Ordinal)
            .ToList();
        double Weight(ActorPair p) => options.EdgeWidth == PairMeasure.Count ? p.Count : Math.Max(0.05, p.Association);
        var maxWeight = edges.Count == 0 ? 1 : edges.Max(Weight);
        var positions = ForceLayout.Compute(actors.Count, edges.Select(e => (index[e.A], index[e.B], Weight(e) / maxWeight)).ToList(), options.Iterations);

        var figure = new Figure(
            $"Actor network: {"actor".ToQuantity(actors.Count)}, {"link".ToQuantity(edges.Count)}",
            $"node size: {(options.CountsWindows ? $"{options.Window} naming the actor" : "mentions")}; edge width: {(options.EdgeWidth == PairMeasure.Count ? "co-occurrences" : "association (NPMI)")}; together = same {options.Window.Singularize()}");
        foreach (var edge in edges)
        {
            var (a, b) = (positions[index[edge.A]], positions[index[edge.B]]);
            figure.Trace("scatter",
                ("mode", "lines"),
                ("x", new[] { a.X, b.X }),
                ("y", new[] { a.Y, b.Y }),
                ("hoverinfo", "skip"),
                ("showlegend", false),
                ("line", new Dictionary<string, object> { ["width"] = 0.5 + 7 * Weight(edge) / maxWeight, ["color"] = "rgba(120,120,140,0.45)" }));
        }

        figure.Trace("scatter",
            ("mode", "markers"),
            ("x", edges.Select(e => (positions[index[e.A]].X + positions[index[e.B]].X) / 2).ToArray()),
            ("y", edges.Select(e => (positions[index[e.A]].Y + positions[index[e.B]].Y) / 2).ToArray()),
            ("marker", new Dictionary<string, object> { ["size"] = 6, ["opacity"] = 0 }),
            ("showlegend", false),
            ("customdata", edges.Select(e => $"{e.A} & {e.B}: together in {options.Window.ToQuantity(e.Count)}, association {Figure.Number(e.Association)}").ToArray()),
            ("hovertemplate", QuoteCharts.Hover));

        var maxMentions = actors.Count == 0 ? 1 : actors.Max(a => mentions[a]);
        figure.Trace("scatter",
            ("mode", "markers+text"),
            ("x", positions.Select(p => p.X).ToArray()),
            ("y", positions.Select(p => p.Y).ToArray()),
            ("text", actors.ToArray()),
            ("textposition", "top center"),
            ("showlegend", false),
            ("marker", new Dictionary<string, object>
            {
                ["size"] = actors.Select(a => 10 + 40 * Math.Sqrt((double)mentions[a] / maxMentions)).ToArray(),
                ["color"] = "#636efa",
                ["line"] = new Dictionary<string, object> { ["width"] = 1, ["color"] = "#ffffff" },
            }),
            ("customdata", actors.Select(a => $"{a}: {Own(mentions[a], options.CountsWindows, options.Window)}, linked to {"actor".ToQuantity(edges.Count(e => e.A == a || e.B == a))}").ToArray()),
            ("hovertemplate", QuoteCharts.Hover));

        var hidden = new Dictionary<string, object> { ["visible"] = false };
        return figure.Set("xaxis", hidden).Set("yaxis", hidden).Height(620).Build();
    }

    private static string Own(int count, bool windows, string window) =>
        windows ? $"in {window.ToQuantity(count)}" : "mention".ToQuantity(count);

    private static List<string> TopActors(IReadOnlyDictionary<string, int> mentions, int top) =>
        mentions.OrderByDescending(m => m.Value).ThenBy(m => m.Key, StringComparer.Ordinal).Take(top).Select(m => m.Key).ToList();
}
