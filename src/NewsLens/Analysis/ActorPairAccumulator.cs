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
        AddWindows(counts, Windows[0], mentions, m => m.Sentence);
        AddWindows(counts, Windows[1], mentions, m => m.Paragraph);
        AddWindows(counts, Windows[2], mentions, _ => 0);
        return counts
            .OrderBy(e => e.Key.Window, StringComparer.Ordinal).ThenBy(e => e.Key.A, StringComparer.Ordinal).ThenBy(e => e.Key.B, StringComparer.Ordinal)
            .Select(e => new ActorPairCount(e.Key.Window, e.Key.A, e.Key.B, e.Value)).ToArray();
    }

    private static void AddWindows(Dictionary<(string, string, string), long> counts, string window, IReadOnlyList<Mention> mentions, Func<Mention, int> unitOf)
    {
        foreach (var unit in mentions.GroupBy(unitOf))
        {
            var actors = unit.Select(m => m.Actor).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            for (var i = 0; i < actors.Length; i++)
            {
                for (var j = i; j < actors.Length; j++)
                {
                    var key = (window, actors[i], actors[j]);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }
    }
}
