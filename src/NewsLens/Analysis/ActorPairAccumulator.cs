namespace NewsLens;

/// <summary>Sums per-article actor pair counts over a stream, per partition; rows come out in a fixed order.</summary>
internal sealed class ActorPairAccumulator
{
    private readonly Dictionary<(string Partition, string Window, string A, string B), long> counts = [];

    public void Add(string partition, IReadOnlyList<ActorPairCount> pairs)
    {
        foreach (var pair in pairs)
        {
            var key = (partition, pair.Window, pair.A, pair.B);
            counts[key] = counts.GetValueOrDefault(key) + pair.Count;
        }
    }

    public IEnumerable<(string Partition, ActorPairCount Row)> Rows() => counts
        .OrderBy(e => e.Key.Partition, StringComparer.Ordinal)
        .ThenBy(e => e.Key.Window, StringComparer.Ordinal)
        .ThenBy(e => e.Key.A, StringComparer.Ordinal)
        .ThenBy(e => e.Key.B, StringComparer.Ordinal)
        .Select(e => (e.Key.Partition, new ActorPairCount(e.Key.Window, e.Key.A, e.Key.B, e.Value)));

    /// <summary>Window names, as in the <c>window</c> column.</summary>
    public static readonly string[] Windows = ["sentence", "paragraph", "article"];

    /// <summary>The pairs of one article: per window kind, each pair of distinct actors sharing a window (a &lt; b) and each actor with itself (its window count).</summary>
    public static ActorPairCount[] PairsOf(IReadOnlyList<Mention> mentions)
    {
        if (mentions.Count == 0)
            return [];
        var counts = new Dictionary<(string Window, string A, string B), long>();
        var units = new (int Unit, string Actor)[mentions.Count];
        for (var w = 0; w < Windows.Length; w++)
        {
            for (var i = 0; i < units.Length; i++)
            {
                var m = mentions[i];
                units[i] = (w == 0 ? m.Sentence : w == 1 ? m.Paragraph : 0, m.Actor);
            }

            // Sorted by window then actor: each window's distinct actors are a run, already in order.
            Array.Sort(units, (x, y) => x.Unit != y.Unit ? x.Unit.CompareTo(y.Unit) : string.CompareOrdinal(x.Actor, y.Actor));
            var distinct = new List<string>();
            for (var start = 0; start < units.Length;)
            {
                var end = start;
                distinct.Clear();
                while (end < units.Length && units[end].Unit == units[start].Unit)
                {
                    if (distinct.Count == 0 || !string.Equals(distinct[^1], units[end].Actor, StringComparison.Ordinal))
                        distinct.Add(units[end].Actor);
                    end++;
                }

                for (var i = 0; i < distinct.Count; i++)
                {
                    for (var j = i; j < distinct.Count; j++)
                    {
                        var key = (Windows[w], distinct[i], distinct[j]);
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }

                start = end;
            }
        }

        var pairs = new ActorPairCount[counts.Count];
        var k = 0;
        foreach (var (key, count) in counts)
            pairs[k++] = new ActorPairCount(key.Window, key.A, key.B, count);
        Array.Sort(pairs, (x, y) =>
        {
            var c = string.CompareOrdinal(x.Window, y.Window);
            if (c == 0)
                c = string.CompareOrdinal(x.A, y.A);
            return c != 0 ? c : string.CompareOrdinal(x.B, y.B);
        });
        return pairs;
    }
}
