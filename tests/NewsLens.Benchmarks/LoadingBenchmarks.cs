using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace NewsLens.Benchmarks;

/// <summary>
/// Load throughput in MB/s (input bytes per second, single thread): Reuters-21578 as JSON Lines (20.8 MB, 21,578
/// records, ../shared/corpora), the scraped seed pages copied 400 times into a temp folder (about 10 MB, 2,000 pages)
/// and the 91 saved news pages of ../shared/corpora/article-extraction-dev (HTML: readability plus DOM cleaning).
/// Run: <c>dotnet run -c Release --project tests/NewsLens.Benchmarks -- --filter '*LoadingBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class LoadingBenchmarks
{
    internal const int SeedCopies = 400;

    private string reuters = "";
    private string pages = "";
    private string html = "";

    [GlobalSetup]
    public void Setup()
    {
        reuters = BenchmarkData.ReutersPath();
        pages = SeedCopiesFolder();
        html = HtmlPath();
    }

    [Benchmark(Description = "Reuters-21578 JSON Lines")]
    public int LoadReutersJsonLines() => Count(reuters);

    [Benchmark(Description = "scraped .txt pages (seeds x400)")]
    public int LoadScrapedPages() => Count(pages);

    [Benchmark(Description = "HTML pages (article-extraction-dev, 91)")]
    public int LoadHtmlPages() => Count(html);

    internal static string HtmlPath() => Path.GetDirectoryName(BenchmarkData.SharedFile("corpora", "article-extraction-dev", "ground-truth.json")) + "/html";

    private static int Count(string path)
    {
        var words = 0;
        foreach (var article in Corpus.Stream(path))
            words += article.Words;
        return words;
    }

    internal static string SeedCopiesFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "newslens-bench-seeds");
        var seeds = Directory.GetFiles(Path.Combine(BenchmarkData.RepoRoot, "seeds"), "*.txt");
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

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new PerSecondColumn("MB/s", benchmark => InputBytes(
            benchmark.Descriptor.WorkloadMethod.Name switch
        {
            nameof(LoadReutersJsonLines) => BenchmarkData.ReutersPath(),
            nameof(LoadHtmlPages) => HtmlPath(),
            _ => SeedCopiesFolder(),
        }) / 1e6));
    }
}
