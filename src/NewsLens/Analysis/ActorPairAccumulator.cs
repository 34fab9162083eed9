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
        // Actors are counted by their rank in ordinal order, so a pair is one number and numbers sort like the names.
        var scratch = PairScratch.ForThisThread;
        var actors = scratch.Actors(mentions);
        long n = actors.Count;
        var units = scratch.Units(mentions.Count);
        var pairs = scratch.Pairs;
        for (var w = 0; w < WindowsByName.Length; w++)
        {
            var window = WindowsByName[w];
            for (var i = 0; i < units.Length; i++)
            {
                var m = mentions[i];
                var unit = window == 0 ? m.Sentence : window == 1 ? m.Paragraph : 0;
                units[i] = unit * n + actors.RankOf(m.Actor);
            }

            // Sorted by window then actor: each window's distinct actors are a run, already in order.
            units.Sort();
            for (var start = 0; start < units.Length;)
            {
                var unit = units[start] / n;
                var end = start;
                var distinct = 0;
                var previous = -1L;
                while (end < units.Length && units[end] / n == unit)
                {
                    // The window's distinct actor ranks move to the front of its run.
                    if (units[end] != previous)
                        units[start + distinct++] = (previous = units[end]) % n;
                    end++;
                }

                for (var i = 0; i < distinct; i++)
                {
                    for (var j = i; j < distinct; j++)
                        pairs.Add((w * n + units[start + i]) * n + units[start + j]);
                }

                start = end;
            }
        }

        // Equal keys are one pair seen in several windows: each run of them is a row.
        pairs.Sort();
        var distinctPairs = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (i == 0 || pairs[i] != pairs[i - 1])
                distinctPairs++;
        }

        var rows = new ActorPairCount[distinctPairs];
        var row = 0;
        for (var start = 0; start < pairs.Count;)
        {
            var end = start + 1;
            while (end < pairs.Count && pairs[end] == pairs[start])
                end++;
            var key = pairs[start];
            rows[row++] = new ActorPairCount(Windows[WindowsByName[key / n / n]], actors.Name(key / n % n), actors.Name(key % n), end - start);
            start = end;
        }

        pairs.Clear();
        return rows;
    }

    // Indexes into Windows in ordinal order of their names ("article", "paragraph", "sentence"): the order rows come out in.
    private static readonly int[] WindowsByName =
        Enumerable.Range(0, Windows.Length).OrderBy(w => Windows[w], StringComparer.Ordinal).ToArray();

    // Buffers one thread reuses from article to article (articles are analysed on several threads at once).
    private sealed class PairScratch
    {
        [ThreadStatic]
        private static PairScratch? current;

        private string[] names = [];
        private long[] units = [];

        public static PairScratch ForThisThread => current ??= new PairScratch();

        public List<long> Pairs { get; } = [];

        /// <summary>The distinct actors of the mentions, in ordinal order.</summary>
        public ActorRanks Actors(IReadOnlyList<Mention> mentions)
        {
            if (names.Length < mentions.Count)
                names = new string[mentions.Count];
            for (var i = 0; i < mentions.Count; i++)
                names[i] = mentions[i].Actor;
            Array.Sort(names, 0, mentions.Count, StringComparer.Ordinal);
            var count = 0;
            for (var i = 0; i < mentions.Count; i++)
            {
                if (count == 0 || !string.Equals(names[count - 1], names[i], StringComparison.Ordinal))
                    names[count++] = names[i];
            }

            return new ActorRanks(names, count);
        }

        public Span<long> Units(int count)
        {
            if (units.Length < count)
                units = new long[count];
            return units.AsSpan(0, count);
        }
    }

    private readonly record struct ActorRanks(string[] Names, int Count)
    {
        public string Name(long rank) => Names[rank];

        public int RankOf(string actor) => Array.BinarySearch(Names, 0, Count, actor, StringComparer.Ordinal);
    }
}
