using Microsoft.Data.Analysis;

namespace NewsLens;

/// <summary>One pair of actors seen together, with the counts and association measures over the windows of its period.</summary>
/// <param name="Period">The period label ("2024-07", "2024-Q3", "2024", "undated"); null when not sliced.</param>
/// <param name="A">The first actor (ordinal order, A &lt; B).</param>
/// <param name="Count">Windows holding both actors.</param>
/// <param name="ACount">Windows holding A.</param>
/// <param name="BCount">Windows holding B.</param>
/// <param name="Windows">All windows of the period (N), empty ones included.</param>
public sealed record CooccurrenceEdge(
    string? Period, string A, string B, int Count, int ACount, int BCount, int Windows, double Pmi, double Npmi, double Jaccard, double G2)
{
    public double Value(AssociationMeasure measure) => measure switch
    {
        AssociationMeasure.Count => Count,
        AssociationMeasure.Pmi => Pmi,
        AssociationMeasure.Npmi => Npmi,
        AssociationMeasure.Jaccard => Jaccard,
        _ => G2,
    };
}

/// <summary>Co-occurrence edges of a corpus, with table and matrix views.</summary>
public sealed class CooccurrenceTable
{
    internal CooccurrenceTable(CooccurrenceOptions options, IReadOnlyList<CooccurrenceEdge> edges, IReadOnlyDictionary<string, int> windows)
    {
        Options = options;
        Edges = edges;
        Windows = windows;
    }

    public CooccurrenceOptions Options { get; }

    /// <summary>Edges ordered by period, then by the options' measure (strongest first), count, A and B.</summary>
    public IReadOnlyList<CooccurrenceEdge> Edges { get; }

    /// <summary>Number of windows (N) per period label ("" when not sliced).</summary>
    public IReadOnlyDictionary<string, int> Windows { get; }

    /// <summary>Edge list: [period,] a, b, count, a_count, b_count, npmi, pmi, jaccard, g2.</summary>
    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn>();
        if (Options.Period is not null)
            columns.Add(new StringDataFrameColumn("period", Edges.Select(e => e.Period)));
        columns.Add(new StringDataFrameColumn("a", Edges.Select(e => e.A)));
        columns.Add(new StringDataFrameColumn("b", Edges.Select(e => e.B)));
        columns.Add(new PrimitiveDataFrameColumn<int>("count", Edges.Select(e => e.Count)));
        columns.Add(new PrimitiveDataFrameColumn<int>("a_count", Edges.Select(e => e.ACount)));
        columns.Add(new PrimitiveDataFrameColumn<int>("b_count", Edges.Select(e => e.BCount)));
        columns.Add(new DoubleDataFrameColumn("npmi", Edges.Select(e => Math.Round(e.Npmi, 6))));
        columns.Add(new DoubleDataFrameColumn("pmi", Edges.Select(e => Math.Round(e.Pmi, 6))));
        columns.Add(new DoubleDataFrameColumn("jaccard", Edges.Select(e => Math.Round(e.Jaccard, 6))));
        columns.Add(new DoubleDataFrameColumn("g2", Edges.Select(e => Math.Round(e.G2, 6))));
        return new DataFrame(columns);
    }

    /// <summary>
    /// A square, symmetric actor × actor matrix of <paramref name="measure"/> (default: the options' measure) for heatmaps:
    /// first column "actor", then one column per actor, in the same order (most connected first). Pairs never seen
    /// together (or kept out by the minimum count) hold 0 for <see cref="AssociationMeasure.Count"/> and NaN (blank) for the
    /// association measures, whose value for them is undefined (NPMI's −1 would claim they avoid each other); the diagonal
    /// holds the actor's own window count for Count, else NaN.
    /// </summary>
    /// <param name="period">Which period when sliced; null takes every edge (only meaningful when not sliced).</param>
    public DataFrame ToMatrix(AssociationMeasure? measure = null, string? period = null)
    {
        var m = measure ?? Options.Measure;
        var edges = Edges.Where(e => period is null || e.Period == period).ToList();
        var weight = new Dictionary<string, double>(StringComparer.Ordinal);
        var own = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in edges)
        {
            weight[e.A] = weight.GetValueOrDefault(e.A) + e.Count;
            weight[e.B] = weight.GetValueOrDefault(e.B) + e.Count;
            own[e.A] = Math.Max(own.GetValueOrDefault(e.A), e.ACount);
            own[e.B] = Math.Max(own.GetValueOrDefault(e.B), e.BCount);
        }

        var actors = weight.Keys.OrderByDescending(a => weight[a]).ThenBy(a => a, StringComparer.Ordinal).ToList();
        var index = actors.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);
        var values = new double[actors.Count, actors.Count];
        if (m != AssociationMeasure.Count)
        {
            for (var i = 0; i < actors.Count; i++)
                for (var j = 0; j < actors.Count; j++)
                    values[i, j] = double.NaN;
        }

        for (var i = 0; i < actors.Count; i++)
            values[i, i] = m == AssociationMeasure.Count ? own[actors[i]] : double.NaN;
        foreach (var e in edges)
        {
            var v = e.Value(m);
            values[index[e.A], index[e.B]] = v;
            values[index[e.B], index[e.A]] = v;
        }

        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("actor", actors) };
        for (var j = 0; j < actors.Count; j++)
        {
            var col = j;
            columns.Add(new DoubleDataFrameColumn(actors[j], Enumerable.Range(0, actors.Count).Select(i => Math.Round(values[i, col], 6))));
        }

        return new DataFrame(columns);
    }
}

/// <summary>Counts which actors appear together in the same sentence, paragraph or article, and how strongly they associate.</summary>
/// <remarks>
/// N is the number of windows of the corpus (or period), empty ones included; an actor's count is the number of windows
/// it appears in (once per window, however often named); a pair's count is the number of windows holding both.
/// </remarks>
public static class Cooccurrence
{
    /// <summary>Co-occurrence over <paramref name="articles"/>, given their mentions (e.g. from <see cref="Corpus.Mentions"/>).</summary>
    public static CooccurrenceTable Compute(IEnumerable<Article> articles, IEnumerable<Mention> mentions, CooccurrenceOptions? options = null)
    {
        options ??= new CooccurrenceOptions();
        var byArticle = mentions
            .Where(m => options.Kinds is null || options.Kinds.Contains(m.Kind))
            .GroupBy(m => m.ArticleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var periods = new SortedDictionary<string, PeriodCounts>(StringComparer.Ordinal);
        var seenArticles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            if (!seenArticles.Add(article.Id))
                continue; // a repeated article would count its windows twice
            var label = options.Period is not { } bucket ? ""
                : article.Published is { } date ? TimeBuckets.Label(TimeBuckets.Start(date, bucket), bucket)
                : "undated";
            if (!periods.TryGetValue(label, out var counts))
                periods[label] = counts = new PeriodCounts();
            var windowCount = options.Window switch
            {
                CooccurrenceWindow.Sentence => Math.Max(1, article.Sentences.Count),
                CooccurrenceWindow.Paragraph => Math.Max(1, article.Paragraphs.Count),
                _ => 1,
            };
            counts.Windows += windowCount;
            if (!byArticle.TryGetValue(article.Id, out var found))
                continue;
            foreach (var window in found.GroupBy(m => WindowOf(m, options.Window)))
                counts.AddWindow(window.Select(m => m.Actor));
        }

        var edges = new List<CooccurrenceEdge>();
        foreach (var (label, counts) in periods)
        {
            var period = options.Period is null ? null : label;
            var periodEdges = counts.Pairs
                .Where(p => p.Value >= options.MinCount)
                .Select(p => Edge(period, p.Key.A, p.Key.B, p.Value, counts.Actors[p.Key.A], counts.Actors[p.Key.B], counts.Windows))
                .OrderByDescending(e => e.Value(options.Measure))
                .ThenByDescending(e => e.Count)
                .ThenBy(e => e.A, StringComparer.Ordinal)
                .ThenBy(e => e.B, StringComparer.Ordinal);
            edges.AddRange(options.Top is { } top ? periodEdges.Take(top) : periodEdges);
        }

        return new CooccurrenceTable(options, edges, periods.ToDictionary(p => p.Key, p => p.Value.Windows, StringComparer.Ordinal));
    }

    /// <summary>Computes the measures of one pair from its 2×2 window table.</summary>
    public static CooccurrenceEdge Edge(string? period, string a, string b, int count, int aCount, int bCount, int windows)
    {
        double n = windows, k = count;
        var pmi = Math.Log2(k * n / ((double)aCount * bCount));
        var pJoint = k / n;
        var npmi = pJoint >= 1 ? 1 : pmi / -Math.Log2(pJoint);
        var jaccard = k / (aCount + bCount - k);
        var g2 = 2 * (Term(k, aCount, bCount) + Term(aCount - k, aCount, n - bCount)
                      + Term(bCount - k, n - aCount, bCount) + Term(n - aCount - bCount + k, n - aCount, n - bCount));
        return new CooccurrenceEdge(period, a, b, count, aCount, bCount, windows, pmi, npmi, jaccard, Math.Max(0, g2));

        double Term(double observed, double row, double column) =>
            observed <= 0 ? 0 : observed * Math.Log(observed / (row * column / n));
    }

    private static int WindowOf(Mention m, CooccurrenceWindow window) => window switch
    {
        CooccurrenceWindow.Sentence => m.Sentence,
        CooccurrenceWindow.Paragraph => m.Paragraph,
        _ => 0,
    };

    private sealed class PeriodCounts
    {
        public int Windows;
        public readonly Dictionary<string, int> Actors = new(StringComparer.Ordinal);
        public readonly Dictionary<(string A, string B), int> Pairs = [];

        public void AddWindow(IEnumerable<string> actors)
        {
            var distinct = actors.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            for (var i = 0; i < distinct.Length; i++)
            {
                Actors[distinct[i]] = Actors.GetValueOrDefault(distinct[i]) + 1;
                for (var j = i + 1; j < distinct.Length; j++)
                    Pairs[(distinct[i], distinct[j])] = Pairs.GetValueOrDefault((distinct[i], distinct[j])) + 1;
            }
        }
    }
}
