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

    /// <summary>The pairs of one article: for each window, every pair of distinct actors in it (a ≤ b) and each actor with itself.</summary>
    /// <param name="windows">Per window kind, the actors of each window (e.g. per sentence).</param>
    public static IReadOnlyList<ActorPairCount> PairsOf(IEnumerable<(string Window, IEnumerable<IEnumerable<string>> Units)> windows)
    {
        var counts = new Dictionary<(string Window, string A, string B), long>();
        foreach (var (window, units) in windows)
        {
            foreach (var unit in units)
            {
                var actors = unit.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
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

        return counts.Select(e => new ActorPairCount(e.Key.Window, e.Key.A, e.Key.B, e.Value)).ToArray();
    }
}
