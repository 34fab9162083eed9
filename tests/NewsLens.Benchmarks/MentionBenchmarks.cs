using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NewsLens;

namespace NewsLens.Benchmarks;

/// <summary>
/// Actor recognition throughput, single thread, on the first 5,000 stories with a body of Reuters-21578 (../shared/corpora).
/// One operation recognises every mention in all 5,000 articles (already segmented); the extra columns give mentions/s and MB/s
/// (UTF-16 text length in characters, reported as MB of text).
/// Run: <c>dotnet run -c Release --project tests/NewsLens.Benchmarks -- --filter '*MentionBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class MentionBenchmarks
{
    internal const int Stories = 5_000;

    private Article[] _articles = [];
    private ActorRecognizer _recognizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _articles = LoadArticles();
        _recognizer = new ActorRecognizer();
        _recognizer.Recognize(_articles[0]); // builds the catalog's trie outside the measurement
    }

    [Benchmark(Description = "Actor mentions, 5,000 Reuters stories")]
    public int RecognizeReuters()
    {
        var mentions = 0;
        foreach (var article in _articles)
            mentions += _recognizer.Recognize(article).Count;
        return mentions;
    }

    internal static Article[] LoadArticles() =>
        File.ReadLines(Path.Combine(SharedFolder(), "corpora", "reuters21578", "reuters21578.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("text").ValueKind == JsonValueKind.String)
            .Take(Stories)
            .Select(e => Article.FromText(e.GetProperty("text").GetString()!, e.GetProperty("id").GetString()!))
            .ToArray();

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new ThroughputColumn("Mentions/s", w => w.Mentions), new ThroughputColumn("MB/s", w => w.Megabytes));
        }
    }

    // Work per operation, counted once in the host process (the benchmark itself runs in a child process).
    private static readonly Lazy<(double Mentions, double Megabytes)> Work = new(() =>
    {
        var articles = LoadArticles();
        var recognizer = new ActorRecognizer();
        return (articles.Sum(a => recognizer.Recognize(a).Count), articles.Sum(a => (double)a.Text.Length) / 1_000_000);
    });

    private sealed class ThroughputColumn(string name, Func<(double Mentions, double Megabytes), double> amount) : IColumn
    {
        public string Id => nameof(ThroughputColumn) + name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => $"{name}: work per operation divided by the mean time";
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats)
                return "-";
            var seconds = stats.Mean / 1e9;
            return (amount(Work.Value) / seconds).ToString("N1", CultureInfo.InvariantCulture);
        }
    }

    private static string SharedFolder()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("NEWSLENS_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
            return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        }

        throw new InvalidOperationException("../shared not found: set NEWSLENS_SHARED to the folder holding corpora/reuters21578");
    }
}
