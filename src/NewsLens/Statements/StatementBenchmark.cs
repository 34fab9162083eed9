using System.Diagnostics;

namespace NewsLens;

/// <summary>Settings for <see cref="StatementBenchmark"/>.</summary>
public sealed record StatementBenchmarkOptions
{
    /// <summary>Corpora whose quotes seed the benchmark (files or folders).</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>How many quotes to link: the seed quotes repeated with perturbations up to this count.</summary>
    public int Quotes { get; init; } = 1_000_000;

    /// <summary>Linking threads.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Seed of the perturbations, so runs are comparable.</summary>
    public int Seed { get; init; } = 16;
}

/// <summary>What one benchmark run measured.</summary>
public sealed record StatementBenchmarkResult(
    int SourceQuotes, int Quotes, int Threads, double ExtractSeconds, double LinkSeconds, double LinkCpuSeconds, long Statements, long QuotesInSharedStatements,
    double AllocatedMegabytes, double HeapBeforeMegabytes, double HeapAfterMegabytes, double PeakWorkingSetMegabytes)
{
    public double QuotesPerSecond => LinkSeconds > 0 ? Quotes / LinkSeconds : 0;
}

/// <summary>
/// Links a large synthetic quote stream: the quotes of real corpora repeated in new articles (a day apart per copy)
/// with perturbations — verbatim copies, fragments, a dropped or changed word, a lost speaker — and times linking.
/// </summary>
public static class StatementBenchmark
{
    public static StatementBenchmarkResult Run(StatementBenchmarkOptions options, Action<string>? log = null)
    {
        var clock = Stopwatch.StartNew();
        var corpus = Corpus.Load(options.Inputs);
        var articles = corpus.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var source = QuoteExtractor.Extract(corpus.Articles).ToList();
        if (source.Count == 0)
            throw new InvalidDataException($"no quotes in {string.Join(", ", options.Inputs)}");
        var extract = clock.Elapsed.TotalSeconds;
        log?.Invoke($"{source.Count:N0} quotes from {corpus.Articles.Count:N0} articles in {extract:0.0} s; building {options.Quotes:N0}");

        var quotes = Perturb(source, articles, options);
        var source0 = source.Count;
        source = null;
        corpus = null;
        articles = null;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var peak = new PeakSampler();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        clock.Restart();
        var ids = StatementLinker.Link(quotes, StatementOptions.Default with { Threads = options.Threads }, log);
        var link = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var peakWorkingSet = peak.Stop();
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        var heapAfter = GC.GetTotalMemory(false);
        var sizes = ids.GroupBy(i => i, StringComparer.Ordinal).Select(g => g.Count()).ToList();
        return new StatementBenchmarkResult(
            source0, quotes.Count, options.Threads, extract, link, cpu, sizes.Count, sizes.Where(n => n > 1).Sum(),
            allocated / 1e6, heapBefore / 1e6, heapAfter / 1e6, peakWorkingSet / 1e6) { };
    }

    private static List<LinkQuote> Perturb(List<Quote> source, Dictionary<string, Article> articles, StatementBenchmarkOptions options)
    {
        var random = new Random(options.Seed);
        var quotes = new List<LinkQuote>(options.Quotes);
        var vocabulary = new[] { "very", "really", "truly", "now", "again", "completely", "people", "country", "government" };
        for (var i = 0; i < options.Quotes; i++)
        {
            var q = source[i % source.Count];
            var copy = i / source.Count;
            var article = articles.GetValueOrDefault(q.ArticleId);
            var date = (article?.Published ?? new DateOnly(2022, 1, 1)).AddDays(copy % 60);
            var text = q.Text;
            var speaker = q.Speaker;
            var roll = random.Next(100);
            if (copy > 0 && roll < 20)
            {
                // A fragment: a run of at least three words.
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 4)
                {
                    var length = random.Next(3, words.Length);
                    var start = random.Next(0, words.Length - length + 1);
                    text = string.Join(' ', words, start, length);
                }
            }
            else if (copy > 0 && roll < 40)
            {
                // A changed or dropped word.
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
                if (words.Count > 3)
                {
                    var at = random.Next(words.Count);
                    if (random.Next(2) == 0)
                        words.RemoveAt(at);
                    else
                        words[at] = vocabulary[random.Next(vocabulary.Length)];
                    text = string.Join(' ', words);
                }
            }
            else if (copy > 0 && roll < 50)
                speaker = null;

            var id = copy == 0 ? q.ArticleId : q.ArticleId + "~" + copy;
            quotes.Add(new LinkQuote(id, q.Start, q.Start + text.Length, text, speaker, date, null));
        }

        return quotes;
    }

    /// <summary>Samples the process working set every 20 ms while linking runs.</summary>
    private sealed class PeakSampler
    {
        private readonly Timer timer;
        private long peak;

        public PeakSampler()
        {
            peak = Environment.WorkingSet;
            timer = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), Environment.WorkingSet)), null, 0, 20);
        }

        public long Stop()
        {
            timer.Dispose();
            return Math.Max(Interlocked.Read(ref peak), Environment.WorkingSet);
        }
    }
}
