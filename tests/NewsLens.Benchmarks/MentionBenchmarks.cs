using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
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

    internal static Article[] LoadArticles() => BenchmarkData.ReutersArticles(Stories);

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new PerSecondColumn("Mentions/s", _ => Work.Value.Mentions), new PerSecondColumn("MB/s", _ => Work.Value.Megabytes));
        }
    }

    // Work per operation, counted once in the host process (the benchmark itself runs in a child process).
    private static readonly Lazy<(double Mentions, double Megabytes)> Work = new(() =>
    {
        var articles = LoadArticles();
        var recognizer = new ActorRecognizer();
        return (articles.Sum(a => recognizer.Recognize(a).Count), articles.Sum(a => (double)a.Text.Length) / 1_000_000);
    });
}
