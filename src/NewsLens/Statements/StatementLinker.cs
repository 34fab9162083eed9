using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace NewsLens;

/// <summary>One quotation as statement linking sees it.</summary>
/// <remarks><see cref="Context"/> is the sentence around the quote; only short quotes use it (null: none known).</remarks>
internal readonly record struct LinkQuote(string ArticleId, int Start, int End, string Text, string? Speaker, DateOnly? Date, string? Context = null);

/// <summary>
/// Groups quotations into statements: renderings of one utterance by one speaker (definition: STATEMENTS.md).
/// </summary>
/// <remarks>
/// <para>Rules, each threshold an option of <see cref="StatementOptions"/>:</para>
/// <list type="number">
/// <item><b>Verbatim</b>: one rendering's words (normalised: case, punctuation, contractions, brackets) appear as a
/// contiguous run in the other. Equal length: a repeat; shorter: a fragment. Holds whatever the dates (a slogan
/// repeated is one statement); across articles it needs two content words (a lone "true" in two articles is not).</item>
/// <item><b>Near-identical</b>: most of the shorter rendering's words occur in order in the other (LCS), for
/// transcription variants, truncation and ellipses.</item>
/// <item><b>Translation</b>: two renderings by the same named speaker share most of the shorter one's content terms
/// (light stems, synonym groups such as "U.S." / "United States") within a window of the other about twice its
/// length.</item>
/// <item><b>Speakers</b> must agree where both are known (name forms: "Donald J. Trump" = "Donald Trump",
/// "Lt. Gen. Michael Flynn" = "Michael Flynn"). A quote without a speaker, or one nested in another's quote (its
/// label names the reporter, not the utterer), joins only on strong text: verbatim or near-identical with
/// several content words. A statement never ends up with two different known speakers.</item>
/// <item><b>Time</b>: non-verbatim links need the renderings within <see cref="StatementOptions.MaxDaysApart"/> days
/// when both are dated.</item>
/// <item><b>Context</b>: a short fragment (fewer than <see cref="StatementOptions.MinContentWordsAcrossArticles"/>
/// content words, "nonsense") links to another article's only when the sentences around them share content: the
/// same claim, the same target (<see cref="StatementOptions.ContextMinSharedTerms"/>).</item>
/// <item><b>Fragments</b> join one statement only, the nearest fuller rendering (same article, closest in the text;
/// else the earliest), so a short phrase never bridges two different remarks that both contain it.</item>
/// </list>
/// <para>Scale: never all pairs. Quotes of one article are compared with each other; across articles candidates come
/// from an inverted index of content terms blocked by speaker (surname), probing only each quote's rarest terms
/// (prefix filtering: a rendering that shares a share θ of the shorter's terms must share one of its
/// ⌊(1−θ)·n⌋+1 rarest). Every candidate then gets the exact checks. Quotes are processed in a canonical order (article,
/// offset), so the result does not depend on input order, shards or threads.</para>
/// </remarks>
internal sealed class StatementLinker
{
    private readonly StatementOptions options;
    private readonly ConcurrentDictionary<string, int> wordIds = new(StringComparer.Ordinal);
    private int nextWordId;

    private StatementLinker(StatementOptions options) => this.options = options;

    /// <summary>The statement id of each quote, in input order.</summary>
    public static string[] Link(IReadOnlyList<LinkQuote> quotes, StatementOptions? options = null) =>
        new StatementLinker(options ?? StatementOptions.Default).Run(quotes);

    private sealed class Item
    {
        public required int Source;
        public required string Article;
        public required int Start;
        public required int End;
        public required DateOnly? Date;
        public required string? Speaker; // null when unknown or nested
        public required int Block;       // 0 when unknown
        public required int[] Words;
        public required int[] TermPerWord; // content term id per word, -1 for function words
        public required int[] Terms;       // distinct content terms, sorted by id
        public int[]? Context;             // distinct content terms of the sentence around a short quote, sorted
        public int Representative = -1;    // identical renderings collapse onto one item for the cross-article pass
        public int FirstDay = int.MaxValue; // dates of the renderings it represents
        public int LastDay = int.MinValue;
    }

    private enum Kind
    {
        None,
        Peer,
        Fragment,
    }

    private string[] Run(IReadOnlyList<LinkQuote> input)
    {
        var order = Enumerable.Range(0, input.Count).ToArray();
        Array.Sort(order, (x, y) => Compare(input[x], input[y]));
        var nested = NestedFlags(input, order);
        var speakers = new SpeakerNames();
        var items = new Item[order.Length];
        var lexicon = options.Words;
        var speakerBlocks = new string?[order.Length];
        for (var p = 0; p < order.Length; p++)
            speakerBlocks[p] = nested[p] ? null : input[order[p]].Speaker;
        var blocks = speakerBlocks.Select(s => speakers.Block(s)).ToArray();
        System.Threading.Tasks.Parallel.For(0, order.Length, Threads(), p =>
        {
            var q = input[order[p]];
            var (words, terms) = StatementText.Analyse(q.Text, lexicon);
            var wordArray = new int[words.Count];
            var termPerWord = new int[words.Count];
            for (var w = 0; w < words.Count; w++)
            {
                wordArray[w] = Id(words[w]);
                termPerWord[w] = terms[w] is { } term ? Id("\u0001" + term) : -1; // terms and words share one id space
            }

            var distinct = termPerWord.Where(t => t >= 0).Distinct().ToArray();
            Array.Sort(distinct);
            int[]? context = null;
            if (distinct.Length < options.MinContentWordsAcrossArticles && distinct.Length > 0 && q.Context is { } sentence)
            {
                var (_, contextTerms) = StatementText.Analyse(sentence, lexicon);
                context = contextTerms.Where(t => t is not null).Select(t => Id("\u0001" + t)).Distinct().Order().ToArray();
            }

            items[p] = new Item
            {
                Source = order[p], Article = q.ArticleId, Start = q.Start, End = q.End, Date = q.Date,
                Speaker = speakerBlocks[p], Block = blocks[p], Words = wordArray, TermPerWord = termPerWord, Terms = distinct,
                Context = context,
            };
        });

        var edges = new ConcurrentBag<(int A, int B, Kind Kind)>();
        Collapse(items, edges);
        WithinArticles(items, speakers, edges);
        AcrossArticles(items, speakers, edges);
        return Cluster(items, speakers, edges.ToArray());
    }

    // Identical renderings (same words, same speaker label, enough content to link across articles) are one
    // statement by the verbatim rule: they are linked here and only the first takes part in candidate generation, so
    // a wire story copied by a hundred outlets costs one probe, not a hundred squared checks.
    private void Collapse(Item[] items, ConcurrentBag<(int, int, Kind)> edges)
    {
        var first = new Dictionary<(string, int[]), int>(new TextKey());
        for (var p = 0; p < items.Length; p++)
        {
            var item = items[p];
            if (item.Date is { } date)
                item.FirstDay = item.LastDay = date.DayNumber;
            var needed = item.Speaker is null ? options.UnattributedMinContentWords : options.MinContentWordsAcrossArticles;
            if (item.Terms.Length < needed)
                continue;
            var key = (item.Speaker ?? "", item.Words);
            if (first.TryGetValue(key, out var representative))
            {
                item.Representative = representative;
                var r = items[representative];
                if (item.Date is { } d)
                {
                    r.FirstDay = Math.Min(r.FirstDay, d.DayNumber);
                    r.LastDay = Math.Max(r.LastDay, d.DayNumber);
                }

                edges.Add((representative, p, Kind.Peer));
            }
            else
                first[key] = p;
        }
    }

    private sealed class TextKey : IEqualityComparer<(string Speaker, int[] Words)>
    {
        public bool Equals((string Speaker, int[] Words) x, (string Speaker, int[] Words) y) =>
            string.Equals(x.Speaker, y.Speaker, StringComparison.Ordinal) && x.Words.AsSpan().SequenceEqual(y.Words);

        public int GetHashCode((string Speaker, int[] Words) key)
        {
            var hash = new HashCode();
            hash.Add(key.Speaker, StringComparer.Ordinal);
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(key.Words.AsSpan()));
            return hash.ToHashCode();
        }
    }

    private int Id(string word) => wordIds.GetOrAdd(word, _ => Interlocked.Increment(ref nextWordId));

    private ParallelOptions Threads() => new() { MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount };

    private static int Compare(LinkQuote x, LinkQuote y)
    {
        var c = string.CompareOrdinal(x.ArticleId, y.ArticleId);
        if (c != 0)
            return c;
        c = x.Start.CompareTo(y.Start);
        if (c != 0)
            return c;
        c = x.End.CompareTo(y.End);
        return c != 0 ? c : string.CompareOrdinal(x.Text, y.Text);
    }

    // A quote inside another quote's span is someone's words reported by the outer quote's speaker: its label is not
    // the utterer. (Inner quote marks at the ends of a quote's text are no sign of that: NYT-style ''…'' leaves them.)
    private static bool[] NestedFlags(IReadOnlyList<LinkQuote> input, int[] order)
    {
        var flags = new bool[order.Length];
        var articleStart = 0;
        var maxEnd = -1;
        for (var p = 0; p < order.Length; p++)
        {
            var q = input[order[p]];
            if (p > 0 && !string.Equals(input[order[p - 1]].ArticleId, q.ArticleId, StringComparison.Ordinal))
            {
                articleStart = p;
                maxEnd = -1;
            }

            flags[p] = p > articleStart && maxEnd >= q.End && input[order[p - 1]].Start < q.Start;
            maxEnd = Math.Max(maxEnd, q.End);
        }

        return flags;
    }

    private void WithinArticles(Item[] items, SpeakerNames speakers, ConcurrentBag<(int, int, Kind)> edges)
    {
        var ranges = new List<(int Start, int End)>();
        for (var p = 0; p < items.Length;)
        {
            var e = p + 1;
            while (e < items.Length && string.Equals(items[e].Article, items[p].Article, StringComparison.Ordinal))
                e++;
            if (e - p > 1 && e - p <= options.MaxQuotesPerArticlePairwise)
                ranges.Add((p, e));
            p = e;
        }

        System.Threading.Tasks.Parallel.ForEach(ranges, Threads(), range =>
        {
            for (var i = range.Start; i < range.End; i++)
            {
                for (var j = i + 1; j < range.End; j++)
                {
                    var (a, b) = Shorter(items, i, j);
                    var kind = Check(items[a], items[b], speakers);
                    if (kind != Kind.None)
                        edges.Add((a, b, kind));
                }
            }
        });
    }

    private static (int Short, int Long) Shorter(Item[] items, int i, int j) =>
        items[i].Words.Length < items[j].Words.Length || (items[i].Words.Length == items[j].Words.Length && i < j) ? (i, j) : (j, i);

    private void AcrossArticles(Item[] items, SpeakerNames speakers, ConcurrentBag<(int, int, Kind)> edges)
    {
        const int minTerms = 1;
        var termCount = nextWordId + 1;
        var df = new int[termCount];
        foreach (var item in items)
        {
            if (item.Terms.Length >= minTerms && item.Representative < 0)
            {
                foreach (var t in item.Terms)
                    df[t]++;
            }
        }

        // Postings per term, ordered by speaker block then position: a counting sort by block, then a stable one by term.
        var offsets = new int[termCount + 1];
        for (var t = 0; t < termCount; t++)
            offsets[t + 1] = offsets[t] + df[t];
        var byBlock = Enumerable.Range(0, items.Length).Where(p => items[p].Terms.Length >= minTerms && items[p].Representative < 0)
            .OrderBy(p => items[p].Block).ThenBy(p => p).ToArray();
        var postings = new int[offsets[termCount]];
        var fill = (int[])offsets.Clone();
        foreach (var p in byBlock)
        {
            foreach (var t in items[p].Terms)
                postings[fill[t]++] = p;
        }

        var threshold = Math.Min(options.TranslationCoverage, options.NearIdenticalCoverage);
        System.Threading.Tasks.Parallel.For(0, items.Length, Threads(), () => new Probe(items.Length), (p, _, probe) =>
        {
            var q = items[p];
            if (q.Representative >= 0 || q.Terms.Length < minTerms || (q.Terms.Length < options.MinContentWordsAcrossArticles && q.Context is null))
                return probe;
            var unknown = q.Block == 0;
            if (unknown && q.Terms.Length < options.UnattributedMinContentWords)
                return probe;
            probe.Stamp++;
            var rarest = q.Terms.OrderBy(t => df[t]).ThenBy(t => TermHash(t)).ToArray();
            var k = Math.Max(options.MinProbeTerms, (int)Math.Floor((1 - threshold) * rarest.Length) + 1);
            var probed = 0;
            foreach (var t in rarest)
            {
                if (probed >= k)
                    break;
                if (df[t] > options.MaxPostings)
                    continue;
                probed++;
                var from = offsets[t];
                var to = offsets[t + 1];
                if (unknown)
                    Scan(items, speakers, postings, from, to, p, probe, edges);
                else
                {
                    ScanBlock(items, speakers, postings, from, to, 0, p, probe, edges);
                    ScanBlock(items, speakers, postings, from, to, q.Block, p, probe, edges);
                }
            }

            return probe;
        }, _ => { });
    }

    private sealed class Probe(int size)
    {
        public readonly int[] Seen = new int[size];
        public int Stamp;
    }

    private int TermHash(int term) => term * -1640531535; // a fixed scramble; ties between equally rare terms only

    private void ScanBlock(Item[] items, SpeakerNames speakers, int[] postings, int from, int to, int block, int p, Probe probe, ConcurrentBag<(int, int, Kind)> edges)
    {
        // Binary search the block's run inside the term's postings.
        var lo = LowerBound(items, postings, from, to, block);
        var hi = LowerBound(items, postings, lo, to, block + 1);
        Scan(items, speakers, postings, lo, hi, p, probe, edges);
    }

    private static int LowerBound(Item[] items, int[] postings, int from, int to, int block)
    {
        while (from < to)
        {
            var mid = (from + to) >>> 1;
            if (items[postings[mid]].Block < block)
                from = mid + 1;
            else
                to = mid;
        }

        return from;
    }

    private void Scan(Item[] items, SpeakerNames speakers, int[] postings, int from, int to, int p, Probe probe, ConcurrentBag<(int, int, Kind)> edges)
    {
        var q = items[p];
        for (var i = from; i < to; i++)
        {
            var c = postings[i];
            if (probe.Seen[c] == probe.Stamp || c == p)
                continue;
            probe.Seen[c] = probe.Stamp;
            var other = items[c];
            if (string.Equals(other.Article, q.Article, StringComparison.Ordinal))
                continue; // compared within the article
            // Each pair is checked from its shorter side.
            if (other.Words.Length < q.Words.Length || (other.Words.Length == q.Words.Length && c < p))
                continue;
            var kind = Check(q, other, speakers);
            if (kind != Kind.None)
                edges.Add((p, c, kind));
        }
    }

    /// <summary>The exact checks of a candidate pair; <paramref name="a"/> is the shorter rendering.</summary>
    private Kind Check(Item a, Item b, SpeakerNames speakers)
    {
        if (a.Words.Length == 0)
            return Kind.None;
        var known = a.Speaker is not null && b.Speaker is not null;
        if (known && !speakers.Compatible(a.Speaker!, b.Speaker!))
            return Kind.None;
        var sameArticle = string.Equals(a.Article, b.Article, StringComparison.Ordinal);
        var content = a.Terms.Length;
        if (content < options.MinContentWords && a.Words.Length < options.MinWordsWithoutContent)
            return Kind.None;
        var needed = known ? (sameArticle ? 0 : options.MinContentWordsAcrossArticles)
            : sameArticle ? options.MinContentWordsAcrossArticles : options.UnattributedMinContentWords;
        var strongEnough = content >= needed || (known && !sameArticle && SameContext(a, b));
        var peer = a.Words.Length >= options.PeerLengthRatio * b.Words.Length;

        // Every content term of a missing from b is a word of a no alignment can match: a cheap bound before LCS.
        var shared = SharedCount(a.Terms, b.Terms);
        var missing = a.Terms.Length - shared;
        if (strongEnough && missing == 0 && Contains(b.Words, a.Words))
            return a.Words.Length == b.Words.Length ? Kind.Peer : Kind.Fragment;

        if (DaysApart(a, b) > options.MaxDaysApart)
            return Kind.None;

        var bound = (double)(a.Words.Length - missing) / a.Words.Length;
        if (strongEnough && a.Words.Length >= options.NearIdenticalMinWords
            && bound >= Math.Min(options.NearIdenticalCoverage, options.LooseFragmentCoverage))
        {
            var coverage = (double)Lcs(a.Words, b.Words) / a.Words.Length;
            if (peer && coverage >= options.NearIdenticalCoverage)
                return Kind.Peer;
            if (!peer && coverage >= options.LooseFragmentCoverage)
                return Kind.Fragment;
        }

        if (known && content >= options.TranslationMinTerms && shared >= options.TranslationMinTerms && shared >= options.TranslationCoverage * content)
        {
            var local = SharedInWindow(a, b);
            if (local >= options.TranslationMinTerms && local >= options.TranslationCoverage * content)
                return Kind.Peer;
        }

        return Kind.None;
    }

    // Days between the nearest renderings of two items (identical renderings collapsed onto one span a range of dates).
    private static int DaysApart(Item a, Item b)
    {
        if (a.FirstDay == int.MaxValue || b.FirstDay == int.MaxValue)
            return 0; // undated: time is no evidence either way
        return Math.Max(0, Math.Max(a.FirstDay, b.FirstDay) - Math.Min(a.LastDay, b.LastDay));
    }

    private static int SharedCount(int[] x, int[] y)
    {
        var shared = 0;
        for (int i = 0, j = 0; i < x.Length && j < y.Length;)
        {
            if (x[i] == y[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (x[i] < y[j])
                i++;
            else
                j++;
        }

        return shared;
    }

    // The sentences around two short fragments in different articles share enough content to be one claim.
    private bool SameContext(Item a, Item b)
    {
        if (a.Context is not { } x || b.Context is not { } y)
            return false;
        var shared = SharedCount(x, y);
        return shared >= options.ContextMinSharedTerms && shared >= options.ContextCoverage * Math.Min(x.Length, y.Length);
    }

    private static bool Contains(int[] longer, int[] shorter)
    {
        var n = shorter.Length;
        for (var i = 0; i + n <= longer.Length; i++)
        {
            if (longer[i] == shorter[0] && longer.AsSpan(i, n).SequenceEqual(shorter))
                return true;
        }

        return false;
    }

    [ThreadStatic]
    private static int[]? lcsRows;

    private static int Lcs(int[] a, int[] b)
    {
        if (lcsRows is null || lcsRows.Length < 2 * (b.Length + 1))
            lcsRows = new int[Math.Max(256, 2 * (b.Length + 1))];
        var previous = lcsRows.AsSpan(0, b.Length + 1);
        var current = lcsRows.AsSpan(b.Length + 1, b.Length + 1);
        previous.Clear();
        current.Clear();
        foreach (var x in a)
        {
            for (var j = 0; j < b.Length; j++)
                current[j + 1] = x == b[j] ? previous[j] + 1 : Math.Max(previous[j + 1], current[j]);
            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }

    // Distinct content terms of a found in the best window of b about twice a's length: a translation of a sentence
    // is local in the other rendering, topic words scattered through a long quote are not.
    private static int SharedInWindow(Item a, Item b)
    {
        var window = Math.Max(a.Words.Length * 2, 8);
        var counts = new Dictionary<int, int>();
        var best = 0;
        var inWindow = 0;
        for (var i = 0; i < b.Words.Length; i++)
        {
            var t = b.TermPerWord[i];
            if (t >= 0 && Array.BinarySearch(a.Terms, t) >= 0)
            {
                counts[t] = counts.GetValueOrDefault(t) + 1;
                if (counts[t] == 1)
                    inWindow++;
            }

            var leaving = i - window;
            if (leaving >= 0)
            {
                var u = b.TermPerWord[leaving];
                if (u >= 0 && counts.TryGetValue(u, out var n))
                {
                    if (n == 1)
                    {
                        counts.Remove(u);
                        inWindow--;
                    }
                    else
                        counts[u] = n - 1;
                }
            }

            best = Math.Max(best, inWindow);
        }

        return best;
    }

    private static string[] Cluster(Item[] items, SpeakerNames speakers, (int A, int B, Kind Kind)[] edges)
    {
        var parent = Enumerable.Range(0, items.Length).ToArray();
        var speaker = items.Select(i => i.Speaker).ToArray(); // a known speaker of each root's statement
        int Find(int x)
        {
            while (parent[x] != x)
                x = parent[x] = parent[parent[x]];
            return x;
        }

        void Union(int x, int y)
        {
            var (rx, ry) = (Find(x), Find(y));
            if (rx == ry)
                return;
            if (speaker[rx] is { } sx && speaker[ry] is { } sy && !speakers.Compatible(sx, sy))
                return; // an unattributed bridge must not join two speakers' statements
            if (ry < rx)
                (rx, ry) = (ry, rx);
            parent[ry] = rx;
            speaker[rx] ??= speaker[ry];
        }

        Array.Sort(edges, (x, y) => x.Kind != y.Kind ? x.Kind.CompareTo(y.Kind) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var containers = new Dictionary<int, List<int>>();
        foreach (var (a, b, kind) in edges)
        {
            if (kind == Kind.Peer)
                Union(a, b);
            else
            {
                if (!containers.TryGetValue(a, out var list))
                    containers[a] = list = [];
                list.Add(b);
            }
        }

        foreach (var (fragment, list) in containers.OrderBy(c => c.Key))
        {
            var f = items[fragment];
            var best = list.MinBy(b => (
                string.Equals(items[b].Article, f.Article, StringComparison.Ordinal) ? 0 : 1,
                string.Equals(items[b].Article, f.Article, StringComparison.Ordinal) ? Math.Abs(items[b].Start - f.Start) : 0,
                items[b].Date?.DayNumber ?? int.MaxValue,
                b));
            Union(fragment, best);
        }

        // The id: a hash of the statement's first rendering (earliest date, then article and offset), so it is stable
        // across runs, shards and threads.
        var first = new Dictionary<int, int>();
        for (var p = 0; p < items.Length; p++)
        {
            var root = Find(p);
            if (!first.TryGetValue(root, out var current) || Earlier(items[p], items[current]))
                first[root] = p;
        }

        var ids = new string[items.Length];
        for (var p = 0; p < items.Length; p++)
        {
            var f = items[first[Find(p)]];
            ids[items[p].Source] = IdOf(f.Article, f.Start);
        }

        return ids;
    }

    private static bool Earlier(Item x, Item y) => (x.Date?.DayNumber ?? int.MaxValue) < (y.Date?.DayNumber ?? int.MaxValue)
        || ((x.Date?.DayNumber ?? int.MaxValue) == (y.Date?.DayNumber ?? int.MaxValue)
            && (string.CompareOrdinal(x.Article, y.Article) < 0 || (x.Article == y.Article && x.Start < y.Start)));

    /// <summary>"st-" and 12 hex digits of a 64-bit FNV-1a hash of the first rendering's article and offset.</summary>
    internal static string IdOf(string article, int start)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(article + "#" + start.ToString(CultureInfo.InvariantCulture)))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return "st-" + (hash & 0xFFFF_FFFF_FFFFUL).ToString("x12", CultureInfo.InvariantCulture);
    }

    /// <summary>Speaker names as compared for linking: name forms of one person agree; blocks by surname.</summary>
    private sealed class SpeakerNames
    {
        private readonly Dictionary<string, string[]> tokens = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> blocks = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<(string, string), bool> compatible = new();

        public int Block(string? speaker)
        {
            if (speaker is null)
                return 0;
            var parts = Tokens(speaker);
            if (parts.Length == 0)
                return 0;
            var last = parts[^1];
            if (!blocks.TryGetValue(last, out var block))
                blocks[last] = block = blocks.Count + 1;
            return block;
        }

        public bool Compatible(string x, string y) => string.Equals(x, y, StringComparison.Ordinal)
            || compatible.GetOrAdd((x, y), key =>
            {
                var (a, b) = (TokensOf(key.Item1), TokensOf(key.Item2));
                if (a.Length == 0 || b.Length == 0 || a[^1] != b[^1])
                    return false;
                var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
                return shorter.All(longer.Contains);
            });

        private string[] TokensOf(string name)
        {
            lock (tokens)
                return Tokens(name);
        }

        // Lower case, no diacritics, initials and punctuation dropped: "Donald J. Trump" -> [donald, trump].
        private string[] Tokens(string name)
        {
            if (!tokens.TryGetValue(name, out var parts))
            {
                parts = StatementText.Words(name).Select(w => w.ToLowerInvariant()).Where(w => w.Length > 1).ToArray();
                tokens[name] = parts;
            }

            return parts;
        }
    }
}
