using System.Diagnostics;

namespace NewsLens;

/// <summary>One shard's run in <see cref="ShardBenchmark"/>.</summary>
/// <param name="CpuSeconds">Processor time of the whole process meanwhile: on a busy shared machine a steadier measure of the work than wall time.</param>
public sealed record ShardFigure(Shard Shard, long Articles, long BytesRead, long BytesScanned, double Seconds, double CpuSeconds);

/// <summary>What N shards read together and how evenly the work fell: <see cref="ShardBenchmark.Run"/>.</summary>
public sealed record ShardBenchmarkResult(long CorpusBytes, IReadOnlyList<ShardFigure> Shards)
{
    /// <summary>Bytes read by all shards over the corpus size: 1 when every byte is read once (was N when each shard read everything).</summary>
    public double ReadRatio => (double)Shards.Sum(s => s.BytesRead) / Math.Max(1, CorpusBytes);

    /// <summary>As <see cref="ReadRatio"/>, counting also the bytes scanned to number the records of ranges that start inside a file.</summary>
    public double ReadAndScanRatio => (double)Shards.Sum(s => s.BytesRead + s.BytesScanned) / Math.Max(1, CorpusBytes);

    /// <summary>The slowest shard's time over the mean: how long the whole job waits for its last shard.</summary>
    public double Balance => Shards.Max(s => s.Seconds) / Math.Max(1e-9, Shards.Average(s => s.Seconds));

    /// <summary>As <see cref="Balance"/>, over processor time.</summary>
    public double CpuBalance => Shards.Max(s => s.CpuSeconds) / Math.Max(1e-9, Shards.Average(s => s.CpuSeconds));
}

/// <summary>Runs the N shards of a corpus one after another in this process (as N machines would run them side by side) and measures each.</summary>
public static class ShardBenchmark
{
    public static ShardBenchmarkResult Run(IReadOnlyList<string> inputs, int shards, int threads, string? workDirectory = null, Action<ShardFigure>? onShard = null)
    {
        var work = workDirectory ?? Path.Combine(Path.GetTempPath(), "newslens-bench-shards-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Warm-up, unmeasured: the first shard's run, so every measured shard runs optimised code.
            new Pipeline(new AnalysisOptions { Shard = new Shard(1, shards), Threads = threads }).Run(inputs, Path.Combine(work, "warm-up"));
            var figures = new List<ShardFigure>();
            long corpus = 0;
            for (var i = 1; i <= shards; i++)
            {
                GC.Collect(); // the previous shard's garbage is not this shard's work
                GC.WaitForPendingFinalizers();
                using var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var manifest = new Pipeline(new AnalysisOptions { Shard = new Shard(i, shards), Threads = threads }).Run(inputs, Path.Combine(work, "out"));
                var seconds = clock.Elapsed.TotalSeconds;
                process.Refresh();
                var figure = new ShardFigure(new Shard(i, shards), manifest.Articles, manifest.BytesRead, manifest.BytesScanned, seconds,
                    (process.TotalProcessorTime - cpu).TotalSeconds);
                corpus = manifest.CorpusBytes;
                figures.Add(figure);
                onShard?.Invoke(figure);
            }

            return new ShardBenchmarkResult(corpus, figures);
        }
        finally
        {
            if (workDirectory is null && Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
    }
}
