using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NewsLens.Benchmarks;

/// <summary>
/// Load throughput in MB/s (input bytes per second, single thread): Reuters-21578 as JSON Lines (20.8 MB, 21,578
/// records, ../shared/corpora) and the scraped seed pages copied 400 times into a temp folder (about 10 MB, 2,000 pages).
/// Run: <c>dotnet run -c Release --project tests/NewsLens.Benchmarks -- --filter '*LoadingBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class LoadingBenchmarks
{
    internal const int SeedCopies = 400;

    private string reuters = "";
    private string pages = "";

    [GlobalSetup]
    public void Setup()
    {
        reuters = ReutersPath();
        pages = SeedCopiesFolder();
    }

    [Benchmark(Description = "Reuters-21578 JSON Lines")]
    public int LoadReutersJsonLines() => Count(reuters);

    [Benchmark(Description = "scraped .txt pages (seeds x400)")]
    public int LoadScrapedPages() => Count(pages);

    private static int Count(string path)
    {
        var words = 0;
        foreach (var article in Corpus.Stream(path))
            words += article.Words;
        return words;
    }

    internal static string ReutersPath() => Path.Combine(SharedFolder(), "corpora", "reuters21578", "reuters21578.jsonl");

    internal static string SeedCopiesFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "newslens-bench-seeds");
        var seeds = Directory.GetFiles(Path.Combine(RepoRoot(), "seeds"), "*.txt");
        if (Directory.Exists(folder) && Directory.GetFiles(folder).Length == seeds.Length * SeedCopies)
            return folder;
        Directory.CreateDirectory(folder);
        for (var copy = 0; copy < SeedCopies; copy++)
            foreach (var seed in seeds)
                File.Copy(seed, Path.Combine(folder, $"{copy:D4}-{Path.GetFileName(seed)}"), overwrite: true);
        return folder;
    }

    internal static long InputBytes(string path) => File.Exists(path)
        ? new FileInfo(path).Length
        : Directory.GetFiles(path).Sum(f => new FileInfo(f).Length);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Toolkit.sln not found");
    }

    private static string SharedFolder()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("NEWSLENS_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
            return fromEnvironment;
        return Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared"));
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecond());
    }

    /// <summary>Input megabytes (10^6 bytes) per second of mean time.</summary>
    private sealed class MegabytesPerSecond : IColumn
    {
        public string Id => "MBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Input megabytes (10^6 bytes) loaded per second";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats)
                return "-";
            var path = benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(LoadReutersJsonLines) ? ReutersPath() : SeedCopiesFolder();
            return (InputBytes(path) / 1e6 / (stats.Mean / 1e9)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
