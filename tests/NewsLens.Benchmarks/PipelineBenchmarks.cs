using BenchmarkDotNet.Attributes;

namespace NewsLens.Benchmarks;

/// <summary>
/// The analysis pipeline per stage and whole, on the first 2,000 Reuters stories (about 2 MB; the seeds when
/// ../shared is absent). One operation processes the whole sample: MB/s = sample MB / mean. Threads 1 vs 2 shows
/// what the second core adds. <c>newslens bench</c> gives the same figures on larger inputs.
/// Run: <c>dotnet run -c Release --project tests/NewsLens.Benchmarks -- --filter '*PipelineBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int SampleStories = 2_000;

    private string sample = "";
    private string output = "";
    private Article[] articles = [];

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var reuters = Path.Combine(BenchmarkData.Shared ?? "", "corpora", "reuters21578", "reuters21578.jsonl");
        if (File.Exists(reuters))
        {
            sample = Path.Combine(Path.GetTempPath(), $"newslens-bench-sample-{SampleStories}.jsonl");
            File.WriteAllLines(sample, File.ReadLines(reuters).Take(SampleStories));
        }
        else
        {
            sample = Path.Combine(BenchmarkData.RepoRoot, "seeds");
        }

        output = Path.Combine(Path.GetTempPath(), "newslens-bench-" + Guid.NewGuid().ToString("N"));
        articles = Load();
        Console.WriteLine($"// sample: {sample}, {articles.Length} articles, {AnalysisManifest.DescribeInputs([sample]).Sum(i => i.Bytes) / 1e6:0.00} MB");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(output))
            Directory.Delete(output, recursive: true);
    }

    [Benchmark(Description = "load (read, clean, segment)")]
    public int LoadSample() => Load().Length;

    [Benchmark(Description = "actors")]
    public long Actors() => Run(AnalysisStages.Actors);

    [Benchmark(Description = "quotes")]
    public long Quotes() => Run(AnalysisStages.Quotes);

    [Benchmark(Description = "sentiment")]
    public long Sentiment() => Run(AnalysisStages.Sentiment);

    [Benchmark(Description = "all stages, in memory")]
    public long AllStages() => Run(AnalysisStages.All);

    [Benchmark(Description = "whole pipeline to Parquet")]
    public long ToParquet() => new Pipeline(new AnalysisOptions { Threads = Threads }).Run([sample], output).Articles;

    private long Run(AnalysisStages stages) =>
        new Pipeline(new AnalysisOptions { Threads = Threads, Stages = stages }).Analyze(articles).LongCount();

    private Article[] Load() => Corpus.Stream(sample).ToArray();
}
