using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NewsLens;

namespace NewsLens.Benchmarks;

/// <summary>
/// Quotation extraction and attribution throughput, single thread, over the first 5,000 Reuters-21578 stories
/// (../shared/corpora/reuters21578). One operation is one pass over all of them; the extra columns give MB/s
/// (UTF-8 bytes of article text) and quotes/s. The second case takes the actor mentions as given, as the pipeline does.
/// Run: <c>dotnet run -c Release --project tests/NewsLens.Benchmarks -- --filter '*QuoteBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class QuoteBenchmarks
{
    private const int Stories = 5_000;

    private Article[] _articles = [];
    private IReadOnlyList<Mention>[] _mentions = [];

    // The summary is built in the host process, not the one that ran the setup: it counts the workload itself.
    private static readonly Lazy<(long Bytes, long Quotes)> Workload = new(() =>
    {
        var articles = LoadArticles();
        return (articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text)), articles.Sum(a => (long)QuoteExtractor.Extract(a).Count));
    });

    [GlobalSetup]
    public void Setup()
    {
        _articles = LoadArticles();
        var recognizer = new ActorRecognizer();
        _mentions = _articles.Select(recognizer.Recognize).ToArray();
        var (bytes, quotes) = Workload.Value;
        Console.WriteLine($"// {_articles.Length} stories, {bytes / 1e6:F2} MB, {quotes} quotes per pass");
    }

    private static Article[] LoadArticles()
    {
        var path = Path.Combine(SharedFolder(), "corpora", "reuters21578", "reuters21578.jsonl");
        return File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Take(Stories)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => Article.FromText(e.GetProperty("text").GetString() ?? "", e.GetProperty("id").GetString() ?? ""))
            .ToArray();
    }

    [Benchmark(Baseline = true, Description = "Quotes incl. actor recognition, Reuters 5,000 stories, per pass")]
    public int ExtractReuters()
    {
        var count = 0;
        foreach (var article in _articles)
            count += QuoteExtractor.Extract(article).Count;
        return count;
    }

    [Benchmark(Description = "Quotes given actor mentions (pipeline), per pass")]
    public int ExtractReutersGivenMentions()
    {
        var count = 0;
        for (var i = 0; i < _articles.Length; i++)
            count += QuoteExtractor.Extract(_articles[i], _mentions[i]).Count;
        return count;
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

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new ThroughputColumn("MB/s", mean => Workload.Value.Bytes / 1e6 / mean));
            AddColumn(new ThroughputColumn("quotes/s", mean => Workload.Value.Quotes / mean));
        }
    }

    // Throughput from the mean time of one pass (the setup's counts run in the same process as the measurements).
    private sealed class ThroughputColumn(string name, Func<double, double> perSecond) : IColumn
    {
        public string Id => nameof(ThroughputColumn) + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => $"{name} over one pass (mean)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats)
                return "n/a";
            return perSecond(stats.Mean / 1e9).ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
