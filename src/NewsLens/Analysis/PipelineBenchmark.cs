using System.Diagnostics;
using Microsoft.Data.Analysis;

namespace NewsLens;

/// <summary>Settings for <see cref="PipelineBenchmark"/>.</summary>
public sealed record BenchmarkOptions
{
    /// <summary>A corpus file or folder; read once per repetition (streamed, never copied).</summary>
    public required string Input { get; init; }

    /// <summary>Repetitions of the input for the large run that shows whether cost per MB stays flat.</summary>
    public int Repeat { get; init; } = 10;

    /// <summary>The most worker threads to compare against one.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Runs of the large pipeline, one thread and <see cref="Threads"/> in turn, so a machine whose speed drifts
    /// slows both alike; the speed-up is the median of the per-round ratios.</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Also run the pipeline with one thread, the baseline for the speed-up (default true).</summary>
    public bool Baseline { get; init; } = true;

    /// <summary>
    /// Measured passes over the articles for the stage figures (default 5, fewer once 10 s have gone into them): each stage
    /// reports its median pass. One pass over a small corpus lasts a fraction of a second, so alone it swings with
    /// whatever else the machine does.
    /// </summary>
    public int StagePasses { get; init; } = 5;

    /// <summary>Which parts to run.</summary>
    public BenchmarkParts Parts { get; init; } = BenchmarkParts.All;

    /// <summary>Scratch folder for the Parquet output (default: a new temporary folder, deleted after).</summary>
    public string? WorkDirectory { get; init; }
}

[Flags]
public enum BenchmarkParts
{
    /// <summary>Each stage alone, one thread, on the input read into memory once, after unmeasured warm-up passes (steady throughput, not start-up).</summary>
    Stages = 1,

    /// <summary>The whole pipeline (load, stages, Parquet) on the input, with one thread and with <see cref="BenchmarkOptions.Threads"/>.</summary>
    Pipeline = 2,

    /// <summary>The whole pipeline on the input repeated <see cref="BenchmarkOptions.Repeat"/> times.</summary>
    Scale = 4,

    All = Stages | Pipeline | Scale,
}

/// <summary>One measured run: throughput, allocations and memory.</summary>
/// <param name="Name">What ran (a stage, or the pipeline with its repetition).</param>
/// <param name="Megabytes">Input size in MB (10^6 bytes) of the raw files; for stages, the input that produced the articles.</param>
/// <param name="PeakHeapMegabytes">Largest managed heap seen while it ran (sampled every 20 ms).</param>
/// <param name="PeakWorkingSetMegabytes">Largest process working set seen while it ran (memory the runtime kept from earlier runs counts too).</param>
public sealed record BenchmarkFigure(
    string Name, int Threads, double Megabytes, long Articles, double Seconds, double AllocatedMegabytes, double PeakHeapMegabytes,
    double PeakWorkingSetMegabytes)
{
    /// <summary>For a pipeline run: seconds per stage, summed over threads (load on the reader thread, write on the caller's).</summary>
    public IReadOnlyDictionary<string, double>? StageSeconds { get; init; }

    /// <summary>Which of <see cref="BenchmarkOptions.Rounds"/> this run belongs to (1 for the others).</summary>
    public int Round { get; init; } = 1;

    /// <summary>Processor time the whole process used meanwhile (every thread, the garbage collector's too); null for a
    /// stage, whose time is its share of one single-threaded pass.</summary>
    public double? CpuSeconds { get; init; }

    /// <summary>Cores kept busy on average: processor time over wall time.</summary>
    public double? CoresUsed => Seconds > 0 ? CpuSeconds / Seconds : null;

    public double MegabytesPerSecond => Seconds > 0 ? Megabytes / Seconds : 0;

    public double ArticlesPerSecond => Seconds > 0 ? Articles / Seconds : 0;

    /// <summary>Seconds per input MB: flat as the corpus grows means linear cost.</summary>
    public double SecondsPerMegabyte => Megabytes > 0 ? Seconds / Megabytes : 0;
}

/// <summary>Measures each stage and the whole pipeline: MB/s, articles/s, allocations and peak memory; cost per MB at 1× and N× the input; the gain of extra threads.</summary>
/// <remarks>Wall-clock figures on a shared machine vary with the load; BenchmarkDotNet (tests/NewsLens.Benchmarks) gives the careful per-stage numbers.</remarks>
public static class PipelineBenchmark
{
    public static IReadOnlyList<BenchmarkFigure> Run(BenchmarkOptions options, Action<BenchmarkFigure>? onFigure = null)
    {
        var megabytes = AnalysisManifest.DescribeInputs([options.Input]).Sum(i => i.Bytes) / 1e6;
        if (megabytes <= 0)
            throw new FileNotFoundException($"{options.Input}: no input to benchmark");
        var figures = new List<BenchmarkFigure>();
        void Add(BenchmarkFigure figure)
        {
            figures.Add(figure);
            onFigure?.Invoke(figure);
        }

        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "newslens-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            if ((options.Parts & BenchmarkParts.Stages) != 0)
            {
                Article[] articles = [];
                Add(Measure("load", 1, megabytes, () => (articles = Read(options.Input).ToArray()).Length));

                // Unmeasured first: a stage's first articles otherwise pay for compiling its code and loading its word lists,
                // which on a small corpus was most of the measured time (actors 0.7 s cold against 0.25 s warm on 4.7 MB).
                WarmUp(articles);

                // All stages in one single-threaded pass, several times; the stage clock splits time and allocations
                // between them, and each stage reports its median pass.
                var passes = new List<(StageClock Clock, BenchmarkFigure All)>();
                var measuring = Stopwatch.StartNew();
                while (passes.Count < Math.Max(1, options.StagePasses) && (passes.Count == 0 || measuring.Elapsed < StageMeasuringTime))
                {
                    var clock = new StageClock();
                    passes.Add((clock, Measure("all stages", 1, megabytes, () => new Pipeline(new AnalysisOptions { Threads = 1 })
                        .Analyze(articles.Select(PendingArticle.Of), clock, CancellationToken.None).LongCount())));
                }

                foreach (var (name, stage) in new[]
                {
                    ("actors", Stage.Actors), ("quotes", Stage.Quotes), ("sentiment", Stage.Sentiment), ("cooccurrence", Stage.Cooccurrence),
                })
                {
                    var (clock, all) = passes[MedianIndex(passes.ConvertAll(p => p.Clock.SecondsOf(stage)))];
                    Add(all with
                    {
                        Name = name,
                        Seconds = clock.SecondsOf(stage),
                        CpuSeconds = null,
                        AllocatedMegabytes = clock.AllocatedBytesOf(stage) / 1e6,
                    });
                }

                var median = passes[MedianIndex(passes.ConvertAll(p => p.All.Seconds))].All;
                Add(median);
                articles = [];
            }

            if ((options.Parts & BenchmarkParts.Pipeline) != 0)
            {
                foreach (var threads in ThreadCounts(options))
                    Add(MeasurePipeline("pipeline 1×", threads, options.Input, 1, megabytes, work));
            }

            if ((options.Parts & BenchmarkParts.Scale) != 0 && options.Repeat > 1)
            {
                // Unmeasured, so no round waits for the JIT's optimised code: with every core busy, tiered compilation
                // takes a few seconds to replace the first code it made (with dynamic PGO on, a first 10× run was ~30 % slower).
                MeasurePipeline("warm-up", options.Threads, options.Input, Math.Min(options.Repeat, 3), megabytes, work);
                for (var round = 1; round <= Math.Max(1, options.Rounds); round++)
                {
                    foreach (var threads in ThreadCounts(options).Reverse())
                        Add(MeasurePipeline($"pipeline {options.Repeat}×", threads, options.Input, options.Repeat, megabytes, work) with { Round = round });
                }
            }
        }
        finally
        {
            if (options.WorkDirectory is null && Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }

        return figures;
    }

    /// <summary>For each pipeline run measured with one thread and with more: the most threads' speed-up, one ratio per round.</summary>
    public static IReadOnlyList<SpeedUp> SpeedUps(IEnumerable<BenchmarkFigure> figures) =>
        figures.Where(f => f.Name.StartsWith("pipeline", StringComparison.Ordinal))
            .GroupBy(f => f.Name)
            .Select(run =>
            {
                var most = run.Max(f => f.Threads);
                var ratios = run.GroupBy(f => f.Round)
                    .Select(round => (One: round.FirstOrDefault(f => f.Threads == 1), Most: round.FirstOrDefault(f => f.Threads == most)))
                    .Where(pair => pair.One is not null && pair.Most is not null && most > 1)
                    .Select(pair => pair.One!.Seconds / pair.Most!.Seconds)
                    .ToArray();
                return new SpeedUp(run.Key, most, ratios);
            })
            .Where(s => s.Ratios.Count > 0)
            .ToArray();

    public static DataFrame ToDataFrame(IEnumerable<BenchmarkFigure> figures)
    {
        var list = figures.ToArray();
        return new DataFrame(
            new StringDataFrameColumn("run", list.Select(f => f.Name)),
            new Int32DataFrameColumn("round", list.Select(f => f.Round)),
            new Int32DataFrameColumn("threads", list.Select(f => f.Threads)),
            new DoubleDataFrameColumn("mb", list.Select(f => Math.Round(f.Megabytes, 1))),
            new Int64DataFrameColumn("articles", list.Select(f => f.Articles)),
            new DoubleDataFrameColumn("seconds", list.Select(f => Math.Round(f.Seconds, 2))),
            new DoubleDataFrameColumn("mb_per_s", list.Select(f => Math.Round(f.MegabytesPerSecond, 1))),
            new DoubleDataFrameColumn("articles_per_s", list.Select(f => Math.Round(f.ArticlesPerSecond))),
            new DoubleDataFrameColumn("s_per_mb", list.Select(f => Math.Round(f.SecondsPerMegabyte, 4))),
            new DoubleDataFrameColumn("cores_used", list.Select(f => f.CoresUsed is { } cores ? Math.Round(cores, 2) : (double?)null)),
            new DoubleDataFrameColumn("alloc_mb", list.Select(f => Math.Round(f.AllocatedMegabytes))),
            new DoubleDataFrameColumn("peak_heap_mb", list.Select(f => Math.Round(f.PeakHeapMegabytes))),
            new DoubleDataFrameColumn("peak_ws_mb", list.Select(f => Math.Round(f.PeakWorkingSetMegabytes))));
    }

    private static readonly TimeSpan StageMeasuringTime = TimeSpan.FromSeconds(10);

    /// <summary>The index of the median of the values (the lower middle one of an even count).</summary>
    internal static int MedianIndex(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        return order[(order.Length - 1) / 2];
    }

    // One single-threaded pass over the articles, up to WarmUpCharacters of text, until tiered compilation has replaced
    // the first code it made (it waits for a method's calls to stop for a moment before optimising it).
    private static void WarmUp(Article[] articles)
    {
        const long WarmUpCharacters = 50_000_000;
        var characters = 0L;
        var prefix = articles.TakeWhile(a => (characters += a.Text.Length) - a.Text.Length < WarmUpCharacters).ToArray();
        for (var pass = 0; pass < 2; pass++)
        {
            new Pipeline(new AnalysisOptions { Threads = 1 }).Analyze(prefix.Select(PendingArticle.Of), new StageClock(), CancellationToken.None).LongCount();
            Thread.Sleep(200);
        }
    }

    private static IEnumerable<int> ThreadCounts(BenchmarkOptions options) =>
        options.Threads <= 1 ? [1] : options.Baseline ? [1, options.Threads] : [options.Threads];

    private static IEnumerable<Article> Read(string input) => Corpus.Stream(input);

    private static BenchmarkFigure MeasurePipeline(string name, int threads, string input, int repeat, double megabytes, string work)
    {
        var output = Path.Combine(work, $"{repeat}x-{threads}t");
        var pipeline = new Pipeline(new AnalysisOptions { Threads = threads });
        // Read as the pipeline reads its own inputs: articles are built on the worker threads.
        var articles = Enumerable.Range(0, repeat).SelectMany(_ => new CorpusLoader(new LoadOptions()).Pending([input]));
        AnalysisManifest? manifest = null;
        var figure = Measure(name, threads, megabytes * repeat, () => (manifest = pipeline.Run(articles, output, [], [], null, CancellationToken.None)).Articles);
        Directory.Delete(output, recursive: true);
        return figure with { StageSeconds = manifest!.Timings.StageSeconds };
    }

    private static BenchmarkFigure Measure(string name, int threads, double megabytes, Func<long> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        long peakHeap = GC.GetTotalMemory(false), peakWorkingSet = Environment.WorkingSet;
        using var stop = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!stop.Wait(20))
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
            }
        }) { IsBackground = true };
        sampler.Start();
        var clock = Stopwatch.StartNew();
        var articles = run();
        clock.Stop();
        stop.Set();
        sampler.Join();
        var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        GC.Collect(); // settles every thread's allocation count (background writers' too); the clock has stopped
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new BenchmarkFigure(name, threads, megabytes, articles, clock.Elapsed.TotalSeconds, allocated / 1e6, peakHeap / 1e6,
            peakWorkingSet / 1e6) { CpuSeconds = cpu };
    }
}

/// <summary>How much faster a pipeline run was with <see cref="Threads"/> threads than with one: one ratio per round.</summary>
public sealed record SpeedUp(string Run, int Threads, IReadOnlyList<double> Ratios)
{
    public double Median
    {
        get
        {
            var sorted = Ratios.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
