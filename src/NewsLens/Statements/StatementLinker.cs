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
/// <item><b>Translation</b>: two renderings by the same named speaker in different articles share most of the shorter
/// one's content terms (light stems, synonym groups such as "U.S." / "United States") within a window of the other
/// about twice its length. (In one article, two renderings sharing topic words but not wording are two remarks.)</item>
/// <item><b>Mentions</b>: a quote introduced as a term ("the words 'Islamic terrorism'") is not an utterance and
/// links to nothing (<see cref="StatementOptions.MentionWords"/>).</item>
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

    // Content terms (64-bit hashes) to dense ids for the term index. Ids depend on thread timing, so nothing may depend
    // on their order: ties are broken by the hash (termHashes[id]).
    private readonly ConcurrentDictionary<ulong, int> termIds = new();
    private ulong[] termHashes = [];
    private int nextTermId = -1;

    private StatementLinker(StatementOptions options) => this.options = options;

    /// <summary>The statement id of each quote, in input order.</summary>
    public static string[] Link(IReadOnlyList<LinkQuote> quotes, StatementOptions? options = null) =>
        new StatementLinker(options ?? StatementOptions.Default).Run(quotes, null);

    /// <summary>As <see cref="Link(IReadOnlyList{LinkQuote}, StatementOptions?)"/>, reporting each stage's time to <paramref name="log"/>.</summary>
    public static string[] Link(IReadOnlyList<LinkQuote> quotes, StatementOptions? options, Action<string>? log) =>
        new StatementLinker(options ?? StatementOptions.Default).Run(quotes, log);

    private sealed class Item
    {
        public required int Source;
        public required string Article;
        public required int Start;
        public required int End;
        public required DateOnly? Date;
        public required string? Speaker; // null when unknown or nested
        public required int Block;       // 0 when unknown
        public required int[] Words;       // word hashes (32 bits of the 64-bit hash: only compared pair by pair)
        public required int[] TermPerWord; // content term id per word, -1 for function words
        public required int[] Terms;       // distinct content terms, sorted by id
        public int[]? Context;             // distinct content terms of the sentence around a short quote, sorted
        public bool Mention;               // a term mentioned ("the words 'Islamic terrorism'"), not an utterance
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

    private string[] Run(IReadOnlyList<LinkQuote> input, Action<string>? log)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = log is null ? TimeSpan.Zero : System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        void Stage(string name)
        {
            if (log is null)
                return;
            var now = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            log(string.Create(CultureInfo.InvariantCulture, $"  {name}: {clock.Elapsed.TotalSeconds:0.00} s wall, {(now - cpu).TotalSeconds:0.00} s CPU"));
            cpu = now;
            clock.Restart();
        }

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
        Stage("order");
        System.Threading.Tasks.Parallel.For(0, order.Length, Threads(), p =>
        {
            var q = input[order[p]];
            var buffers = analysis ??= new Buffers();
            StatementText.Analyse(q.Text, lexicon, buffers.Words, buffers.Terms);
            var count = buffers.Words.Count;
            var wordArray = new int[count];
            var termPerWord = new int[count];
            for (var w = 0; w < count; w++)
            {
                var word = buffers.Words[w];
                wordArray[w] = (int)(word ^ (word >> 32));
                termPerWord[w] = buffers.Terms[w] is var term and not 0 ? TermId(term) : -1;
            }

            var distinct = DistinctSorted(termPerWord, buffers);
            int[]? context = null;
            if (distinct.Length < options.MinContentWordsAcrossArticles && distinct.Length > 0 && q.Context is { } sentence)
            {
                StatementText.Analyse(sentence, lexicon, buffers.Words, buffers.Terms);
                var contextTerms = new int[buffers.Terms.Count];
                for (var w = 0; w < contextTerms.Length; w++)
                    contextTerms[w] = buffers.Terms[w] is var term and not 0 ? TermId(term) : -1;
                context = DistinctSorted(contextTerms, buffers);
            }

            items[p] = new Item
            {
                Source = order[p], Article = q.ArticleId, Start = q.Start, End = q.End, Date = q.Date,
                Speaker = speakerBlocks[p], Block = blocks[p], Words = wordArray, TermPerWord = termPerWord, Terms = distinct,
                Context = context, Mention = q.Context is { } around && IsMention(q.Text, around, options.MentionWords),
            };
        });
        termHashes = new ulong[nextTermId + 1];
        foreach (var (hash, id) in termIds)
            termHashes[id] = hash;
        Stage($"words ({termHashes.Length:N0} distinct terms)");

        var edges = new List<(int A, int B, Kind Kind)>();
        Collapse(items, edges);
        Stage("identical renderings");
        WithinArticles(items, speakers, edges);
        Stage("within articles");
        var candidates = AcrossArticles(items, speakers, edges);
        Stage($"across articles ({candidates.Postings:N0} postings read, {candidates.Checks:N0} candidate pairs checked)");
        var ids = Cluster(items, speakers, edges.ToArray());
        Stage($"clusters ({edges.Count:N0} links)");
        return ids;
    }

    /// <summary>Reused per thread while words are analysed.</summary>
    private sealed class Buffers
    {
        public readonly List<ulong> Words = [];
        public readonly List<ulong> Terms = [];
        public int[] Sort = new int[64];
    }

    [ThreadStatic]
    private static Buffers? analysis;

    // The distinct non-negative ids among values, sorted.
    private static int[] DistinctSorted(int[] values, Buffers buffers)
    {
        if (buffers.Sort.Length < values.Length)
            buffers.Sort = new int[Math.Max(values.Length, 2 * buffers.Sort.Length)];
        var n = 0;
        foreach (var v in values)
        {
            if (v >= 0)
                buffers.Sort[n++] = v;
        }

        var span = buffers.Sort.AsSpan(0, n);
        span.Sort();
        var unique = 0;
        for (var i = 0; i < n; i++)
        {
            if (unique == 0 || span[i] != span[unique - 1])
                span[unique++] = span[i];
        }

        return span[..unique].ToArray();
    }

    private int TermId(ulong hash) =>
        termIds.TryGetValue(hash, out var id) ? id : termIds.GetOrAdd(hash, _ => Interlocked.Increment(ref nextTermId));

    // Identical renderings (same words, same speaker label, enough content to link across articles) are one
    // statement by the verbatim rule: they are linked here and only the first takes part in candidate generation, so
    // a wire story copied by a hundred outlets costs one probe, not a hundred squared checks.
    private void Collapse(Item[] items, List<(int, int, Kind)> edges)
    {
        var first = new Dictionary<(string, int[]), int>(new TextKey());
        for (var p = 0; p < items.Length; p++)
        {
            var item = items[p];
            if (item.Date is { } date)
                item.FirstDay = item.LastDay = date.DayNumber;
            if (item.Mention)
                continue;
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

    private void WithinArticles(Item[] items, SpeakerNames speakers, List<(int, int, Kind)> edges)
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

        System.Threading.Tasks.Parallel.ForEach(ranges, Threads(), () => new List<(int, int, Kind)>(), (range, _, found) =>
        {
            for (var i = range.Start; i < range.End; i++)
            {
                for (var j = i + 1; j < range.End; j++)
                {
                    var (a, b) = Shorter(items, i, j);
                    var kind = Check(items[a], items[b], speakers);
                    if (kind != Kind.None)
                        found.Add((a, b, kind));
                }
            }

            return found;
        }, found => Merge(edges, found));
    }

    private static (int Short, int Long) Shorter(Item[] items, int i, int j) =>
        items[i].Words.Length < items[j].Words.Length || (items[i].Words.Length == items[j].Words.Length && i < j) ? (i, j) : (j, i);

    private static void Merge(List<(int, int, Kind)> edges, List<(int, int, Kind)> found)
    {
        lock (edges)
            edges.AddRange(found);
    }

    // Candidates across articles come from two indexes, each probed from the pair's shorter side:
    //  - shingles: word pairs holding a content word, for every speaker (verbatim, fragments, near-identical text;
    //    the only rules that may join a quote without a known speaker). A fragment shares all its shingles with its
    //    container, a near-identical rendering most of them; shingles are rare, so a probe meets few strangers;
    //  - content terms inside the quote's own speaker block, for translations (which share terms, not word order)
    //    and short fragments tied by their sentence ("nonsense"): prefix filtering on the rarest terms.
    private (long Postings, long Checks) AcrossArticles(Item[] items, SpeakerNames speakers, List<(int, int, Kind)> edges)
    {
        var shingles = ShingleIndex.Build(items);
        var terms = TermIndex.Build(items, termHashes.Length);
        var translationProbes = (1 - options.TranslationCoverage);
        using var probes = new ThreadLocal<Probe>(() => new Probe(items.Length), trackAllValues: true);
        System.Threading.Tasks.Parallel.For(0, items.Length, Threads(), () => new List<(int, int, Kind)>(), (p, _, found) =>
        {
            var q = items[p];
            if (q.Representative >= 0 || q.Terms.Length == 0 || q.Mention)
                return found;
            var probe = probes.Value!;
            probe.Found = found;
            probe.Stamp++;
            var known = q.Block != 0;
            if (q.Terms.Length >= (known ? options.MinContentWordsAcrossArticles : options.UnattributedMinContentWords))
            {
                // Prefix filtering on shingles: a rendering with at most a share 1 - NearIdenticalCoverage of the shorter's
                // words changed or dropped breaks at most two shingles per word, so it shares one of the shorter's
                // ⌊2(1 - coverage)·n⌋ + 1 rarest; a verbatim fragment shares them all, the rarest is enough.
                var buckets = shingles.BucketsOf(q, probe);
                var prefix = (int)Math.Floor(2 * (1 - options.NearIdenticalCoverage) * buckets.Length) + 1;
                for (var i = 0; i < buckets.Length && i < prefix; i++)
                {
                    var (df, bucket) = buckets[i];
                    if (i > 0 && df > options.MaxShinglePostings)
                        break;
                    Scan(items, speakers, shingles.Postings, shingles.Offsets[bucket], shingles.Offsets[bucket + 1], p, probe, requireDays: false);
                }
            }

            if (!known)
                return found;
            var translation = q.Terms.Length >= options.TranslationMinTerms;
            var contextual = q.Terms.Length < options.MinContentWordsAcrossArticles && q.Context is not null;
            if (!translation && !contextual)
                return found;

            // The rarest terms first (ties by hash, never by id: ids depend on thread timing).
            if (probe.Rarest.Length < q.Terms.Length)
                probe.Rarest = new (int, ulong, int)[Math.Max(q.Terms.Length, 2 * probe.Rarest.Length)];
            var rarest = probe.Rarest.AsSpan(0, q.Terms.Length);
            for (var i = 0; i < rarest.Length; i++)
                rarest[i] = (terms.Df[q.Terms[i]], termHashes[q.Terms[i]], q.Terms[i]);
            rarest.Sort();
            var k = contextual ? rarest.Length : Math.Max(options.MinProbeTerms, (int)Math.Floor(translationProbes * rarest.Length) + 1);
            var probed = 0;
            foreach (var (df, _, t) in rarest)
            {
                if (probed >= k)
                    break;
                if (df > options.MaxPostings)
                    continue;
                probed++;
                var (from, to) = terms.Block(items, t, q.Block);
                // Translations need the renderings within MaxDaysApart; every other rule was tried by the shingles.
                Scan(items, speakers, terms.Postings, from, to, p, probe, requireDays: !contextual);
            }

            return found;
        }, found => Merge(edges, found));
        return (probes.Values.Sum(v => v.Postings), probes.Values.Sum(v => v.Checks));
    }

    /// <summary>Word-pair shingles of each quote (those holding a content word), hashed into buckets: an inverted index.</summary>
    /// <remarks>Buckets, not distinct shingles: two shingles sharing a bucket only add candidates, which the exact checks reject.</remarks>
    private sealed class ShingleIndex
    {
        public required int[] Offsets;
        public required int[] Postings;
        public required int Mask;

        public static ShingleIndex Build(Item[] items)
        {
            long total = 0;
            foreach (var item in items)
            {
                if (item.Representative < 0)
                    total += Math.Max(0, item.Words.Length - 1);
            }

            var size = 1 << 10;
            while (size < 2 * total && size < 1 << 24)
                size <<= 1;
            var mask = size - 1;
            var offsets = new int[size + 1];
            var scratch = new List<int>();
            foreach (var item in items)
            {
                if (item.Representative >= 0)
                    continue;
                foreach (var bucket in Buckets(item, mask, scratch))
                    offsets[bucket + 1]++;
            }

            for (var b = 0; b < size; b++)
                offsets[b + 1] += offsets[b];
            var postings = new int[offsets[size]];
            var fill = offsets.AsSpan(0, size).ToArray();
            for (var p = 0; p < items.Length; p++)
            {
                if (items[p].Representative >= 0)
                    continue;
                foreach (var bucket in Buckets(items[p], mask, scratch))
                    postings[fill[bucket]++] = p;
            }

            return new ShingleIndex { Offsets = offsets, Postings = postings, Mask = mask };
        }

        // The distinct buckets of an item's shingles, sorted.
        private static List<int> Buckets(Item item, int mask, List<int> into)
        {
            into.Clear();
            for (var i = 0; i + 1 < item.Words.Length; i++)
            {
                if (item.TermPerWord[i] >= 0 || item.TermPerWord[i + 1] >= 0)
                    into.Add(Bucket(item.Words[i], item.Words[i + 1], mask));
            }

            into.Sort();
            var unique = 0;
            for (var i = 0; i < into.Count; i++)
            {
                if (unique == 0 || into[i] != into[unique - 1])
                    into[unique++] = into[i];
            }

            into.RemoveRange(unique, into.Count - unique);
            return into;
        }

        private static int Bucket(int first, int second, int mask)
        {
            var h = ((ulong)(uint)first << 32 | (uint)second) * 0x9E3779B97F4A7C15UL;
            return (int)(h >> 40) & mask;
        }

        /// <summary>The item's shingle buckets with their posting counts, rarest first.</summary>
        public ReadOnlySpan<(int Df, int Bucket)> BucketsOf(Item item, Probe probe)
        {
            var list = Buckets(item, Mask, probe.Shingles);
            if (probe.ShingleOrder.Length < list.Count)
                probe.ShingleOrder = new (int, int)[Math.Max(list.Count, 2 * probe.ShingleOrder.Length)];
            var span = probe.ShingleOrder.AsSpan(0, list.Count);
            for (var i = 0; i < span.Length; i++)
                span[i] = (Offsets[list[i] + 1] - Offsets[list[i]], list[i]);
            span.Sort();
            return span;
        }
    }

    /// <summary>Content terms of quotes with a known speaker: postings per term ordered by speaker block, then position.</summary>
    private sealed class TermIndex
    {
        public required int[] Df;
        public required int[] Offsets;
        public required int[] Postings;
        public required int[] Blocks; // the block of each posting, for binary search

        public static TermIndex Build(Item[] items, int termCount)
        {
            var df = new int[termCount];
            var maxBlock = 0;
            foreach (var item in items)
            {
                if (item.Representative >= 0 || item.Block == 0)
                    continue;
                maxBlock = Math.Max(maxBlock, item.Block);
                foreach (var t in item.Terms)
                    df[t]++;
            }

            var offsets = new int[termCount + 1];
            for (var t = 0; t < termCount; t++)
                offsets[t + 1] = offsets[t] + df[t];

            // Items by block, then position (a counting sort), then postings filled in that order.
            var perBlock = new int[maxBlock + 2];
            foreach (var item in items)
            {
                if (item.Representative < 0 && item.Block != 0)
                    perBlock[item.Block + 1]++;
            }

            for (var b = 0; b <= maxBlock; b++)
                perBlock[b + 1] += perBlock[b];
            var byBlock = new int[perBlock[maxBlock + 1]];
            for (var p = 0; p < items.Length; p++)
            {
                if (items[p].Representative < 0 && items[p].Block != 0)
                    byBlock[perBlock[items[p].Block]++] = p;
            }

            var postings = new int[offsets[termCount]];
            var blocks = new int[postings.Length];
            var fill = offsets.AsSpan(0, termCount).ToArray();
            foreach (var p in byBlock)
            {
                foreach (var t in items[p].Terms)
                {
                    blocks[fill[t]] = items[p].Block;
                    postings[fill[t]++] = p;
                }
            }

            return new TermIndex { Df = df, Offsets = offsets, Postings = postings, Blocks = blocks };
        }

        /// <summary>The run of a term's postings in one speaker block.</summary>
        public (int From, int To) Block(Item[] items, int term, int block)
        {
            var from = Offsets[term];
            var to = Offsets[term + 1];
            var lo = Array.BinarySearch(Blocks, from, to - from, block);
            if (lo < 0)
                return (0, 0);
            var hi = lo;
            while (lo > from && Blocks[lo - 1] == block)
                lo--;
            while (hi < to && Blocks[hi] == block)
                hi++;
            return (lo, hi);
        }
    }

    /// <summary>One thread's probe state: which candidates this quote has already met (by stamp), and scratch space.</summary>
    private sealed class Probe(int size)
    {
        public readonly int[] Seen = new int[size];
        public int Stamp;
        public (int Df, ulong Hash, int Term)[] Rarest = new (int, ulong, int)[64];
        public (int Df, int Bucket)[] ShingleOrder = new (int, int)[64];
        public readonly List<int> Shingles = [];
        public List<(int, int, Kind)> Found = [];
        public long Postings;
        public long Checks;
    }


    private void Scan(Item[] items, SpeakerNames speakers, int[] postings, int from, int to, int p, Probe probe, bool requireDays)
    {
        var q = items[p];
        probe.Postings += to - from;
        for (var i = from; i < to; i++)
        {
            var c = postings[i];
            if (probe.Seen[c] == probe.Stamp || c == p)
                continue;
            var other = items[c];
            // Each pair is checked from its shorter side.
            if (other.Words.Length < q.Words.Length || (other.Words.Length == q.Words.Length && c < p))
                continue;
            // Speakers of different blocks (surnames) never agree.
            if (q.Block != 0 && other.Block != 0 && q.Block != other.Block)
                continue;
            if (requireDays && DaysApart(q, other) > options.MaxDaysApart)
                continue; // not marked seen: a later probe without this need still checks it
            probe.Seen[c] = probe.Stamp;
            if (ReferenceEquals(other.Article, q.Article) || string.Equals(other.Article, q.Article, StringComparison.Ordinal))
                continue; // compared within the article
            probe.Checks++;
            var kind = Check(q, other, speakers);
            if (kind != Kind.None)
                probe.Found.Add((p, c, kind));
        }
    }

    /// <summary>
    /// Whether the sentence introduces the quote as a term rather than as someone's words: "refused to use the words
    /// 'Islamic terrorism'", "has used the phrase ... often". The word just before the quote mark decides.
    /// </summary>
    internal static bool IsMention(string quote, string sentence, IReadOnlySet<string> mentionWords)
    {
        if (mentionWords.Count == 0)
            return false;
        var text = quote.Trim().Trim('"', '\'', '“', '”', '‘', '’', '«', '»', '„');
        if (text.Length == 0)
            return false;
        var at = sentence.IndexOf(text, StringComparison.Ordinal);
        if (at < 0)
            return false;
        var end = at;
        while (end > 0 && (char.IsWhiteSpace(sentence[end - 1]) || sentence[end - 1] is '"' or '\'' or '“' or '”' or '‘' or '’' or '«' or '»' or '„'))
            end--;
        var start = end;
        while (start > 0 && char.IsLetter(sentence[start - 1]))
            start--;
        return end > start && mentionWords.Contains(sentence[start..end].ToLowerInvariant());
    }

    /// <summary>The exact checks of a candidate pair; <paramref name="a"/> is the shorter rendering.</summary>
    private Kind Check(Item a, Item b, SpeakerNames speakers)
    {
        if (a.Words.Length == 0 || a.Mention || b.Mention)
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

        if (known && (!sameArticle || options.TranslationsWithinArticle) && content >= options.TranslationMinTerms && shared >= options.TranslationMinTerms && shared >= options.TranslationCoverage * content)
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

        var idOfRoot = new Dictionary<int, string>(first.Count);
        foreach (var (root, p) in first)
            idOfRoot[root] = IdOf(items[p].Article, items[p].Start);
        var ids = new string[items.Length];
        for (var p = 0; p < items.Length; p++)
            ids[items[p].Source] = idOfRoot[Find(p)];

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
