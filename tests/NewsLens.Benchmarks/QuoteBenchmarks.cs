using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NewsLens;

namespace NewsLens.Benchmarks;

/// <summary>
/// Quotation extraction and attribution throughput, single thread, over the first 5,000 Reuters-21578 stories with a body
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

    private static Article[] LoadArticles() => BenchmarkData.ReutersArticles(Stories);

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

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new PerSecondColumn("MB/s", _ => Workload.Value.Bytes / 1e6));
            AddColumn(new PerSecondColumn("quotes/s", _ => Workload.Value.Quotes));
        }
    }
}
