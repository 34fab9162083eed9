using System.Diagnostics;
using Xunit.Abstractions;

namespace NewsLens.Tests.CorpusLoading; // not ".Corpus": that would hide the Corpus type from every other test namespace

/// <summary>The loader at scale on a real corpus from ../shared (skipped where it is absent).</summary>
public class ReutersLoadingTests(ITestOutputHelper output)
{
    private const string Reuters = "corpora/reuters21578/reuters21578.jsonl";

    [SharedDataFact(Reuters)]
    public void LoadsEveryRecordWithItsDate()
    {
        var clock = Stopwatch.StartNew();
        var corpus = Corpus.Load(TestPaths.SharedPath(Reuters));
        clock.Stop();

        var dated = corpus.Count(a => a.Published is not null);
        var withText = corpus.Count(a => a.Text.Length > 0);
        var first = corpus.First(a => a.Id == "reuters-1");
        output.WriteLine($"{corpus.Count:N0} records, {dated:N0} dated, {withText:N0} with a body, {corpus.Diagnostics.Count} diagnostics, in {clock.Elapsed.TotalSeconds:0.0} s (not a benchmark)");

        // The file's own dates, read independently: one record has none (its SGML <DATE> was unusable) and must stay undated.
        var expected = File.ReadLines(TestPaths.SharedPath(Reuters))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("published").GetString() is { } p ? DateOnly.FromDateTime(DateTime.Parse(p, System.Globalization.CultureInfo.InvariantCulture)) : (DateOnly?)null);
        Assert.Equal(21_578, corpus.Count);
        Assert.Equal(expected.Count(p => p.Value is not null), dated);
        Assert.Empty(corpus.Diagnostics);
        Assert.All(corpus, a => Assert.Equal(expected[a.Id], a.Published));
        Assert.All(corpus.Where(a => a.Published is not null), a => Assert.Equal(DateSource.Metadata, a.DateSource));
        Assert.Equal(new DateOnly(1987, 2, 26), first.Published);
        Assert.Equal("BAHIA COCOA REVIEW", first.Title);
        Assert.Equal("Reuters", first.Outlet);
        Assert.StartsWith("Showers continued throughout the week in the Bahia cocoa zone", first.Text);
        Assert.True(first.Paragraphs.Count > 3, "wire paragraphs (indented lines) are kept apart");
        Assert.Equal(corpus.Count, corpus.Select(a => a.Id).Distinct().Count());
    }
}

/// <summary>A folder of plain news texts from ../shared (BBC News, 2004-05): nothing to split, nothing to guess.</summary>
public class BbcFolderLoadingTests(ITestOutputHelper output)
{
    private const string Bbc = "corpora/bbc-news";

    [SharedDataFact(Bbc)]
    public void EveryTextIsOneArticleTitledByItsFirstLineAndNoDateIsInvented()
    {
        var folder = TestPaths.SharedPath(Bbc);
        var corpus = Corpus.Load(folder);
        var files = Directory.GetFiles(folder, "*.txt", SearchOption.AllDirectories).Length;
        var titled = corpus.Count(a => a.Title == Normalize(File.ReadLines(Path.Combine(folder, a.File)).First()));
        output.WriteLine($"{corpus.Count:N0} articles from {files:N0} files; title = first line for {titled:N0}; dated {corpus.Count(a => a.Published is not null)}; diagnostics {corpus.Diagnostics.Count}");

        Assert.Equal(files, corpus.Count);
        Assert.All(corpus, a => Assert.Equal(0, a.Index));
        Assert.True(titled >= corpus.Count * 0.995, $"{titled} of {corpus.Count} titled by their first line");
        Assert.All(corpus, a => Assert.Null(a.Published)); // the texts print no dates
        Assert.Empty(corpus.Diagnostics);
    }

    private static string Normalize(string line) =>
        string.Join(' ', System.Net.WebUtility.HtmlDecode(line).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
