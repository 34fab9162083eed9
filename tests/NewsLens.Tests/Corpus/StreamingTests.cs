namespace NewsLens.Tests.CorpusLoading; // not ".Corpus": that would hide the Corpus type from every other test namespace

public class StreamingTests
{
    [Fact]
    public void StreamYieldsArticlesLazilyAndReportsProgressAndDiagnostics()
    {
        using var folder = new TempFolder();
        folder.Write("feed.jsonl", string.Join("\n", Enumerable.Range(1, 5000).Select(i => $"{{\"title\": \"T{i}\", \"text\": \"Text {i}.\"}}")) + "\n{bad\n");
        folder.Write("page.txt", "A Page\n\nThe city council approved the new budget on Tuesday after a long debate, the mayor said.");
        var reports = new List<LoadProgress>();
        var diagnostics = new List<Diagnostic>();
        var options = new LoadOptions { Progress = new Collect<LoadProgress>(reports), OnDiagnostic = diagnostics.Add };

        using var articles = Corpus.Stream(folder.Path, options).GetEnumerator();
        Assert.True(articles.MoveNext());
        Assert.Equal("T1", articles.Current.Title);
        Assert.Empty(diagnostics); // nothing past the first record has been read yet
        var count = 1;
        while (articles.MoveNext())
            count++;

        Assert.Equal(5001, count);
        Assert.Single(diagnostics);
        Assert.Equal(2, reports[^1].FilesDone);
        Assert.Equal(reports[^1].BytesTotal, reports[^1].BytesDone);
        Assert.Contains(reports, r => r.FilesDone == 0 && r.Articles > 0); // mid-file progress for large record files
    }

    [Fact]
    public async Task StreamAsyncYieldsTheSameArticles()
    {
        using var folder = new TempFolder();
        folder.Write("a.jsonl", "{\"title\": \"A\", \"text\": \"x.\"}\n{\"title\": \"B\", \"text\": \"y.\"}\n");
        var titles = new List<string?>();
        await foreach (var article in Corpus.StreamAsync(folder.Path))
            titles.Add(article.Title);
        Assert.Equal(["A", "B"], titles);
    }

    private sealed class Collect<T>(List<T> list) : IProgress<T>
    {
        public void Report(T value) => list.Add(value);
    }
}
