using System.Text.Json;
using NewsLens.Cli.Commands;
using NewsLens.Cli.Output;

namespace NewsLens.Tests.CorpusLoading; // not ".Corpus": that would hide the Corpus type from every other test namespace

/// <summary>`newslens articles`: output formats and exit codes.</summary>
public class ArticlesCommandTests
{
    private static (int Code, string Out, string Err) Run(OutputFormat format, string? metadata, params string[] paths)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = ArticlesCommand.Run(paths, format, metadata, null, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public void JsonLinesHasTheDataFrameColumnsAndFilesRelativeToTheInput()
    {
        var (code, output, errors) = Run(OutputFormat.Jsonl, null, TestPaths.Seeds);
        Assert.Equal(0, code);
        // No diagnostics; a "loading:" progress line appears only when loading takes over two seconds (a busy machine).
        Assert.DoesNotContain(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.StartsWith("loading: ", StringComparison.Ordinal));
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(Corpus.ArticleColumns, rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("000_7f40ecaf0bc3b4b2.txt", rows[0].GetProperty("file").GetString());
        Assert.Equal("2024-07-08", rows[0].GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("published").ValueKind);
    }

    [Fact]
    public void RemovedListsTheLeftOutLinesWithTheirReason()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = ArticlesCommand.Run([TestPaths.Seeds], OutputFormat.Jsonl, null, null, output, errors, removed: true);
        Assert.Equal(0, code);
        var rows = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(RemovedLine.Columns, rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(Corpus.Load(TestPaths.Seeds, new LoadOptions { RecordRemovedLines = true }).RemovedLines.Count, rows.Count);
        Assert.Contains(rows, r => r.GetProperty("reason").GetString() == "boilerplate" && !r.GetProperty("used").GetBoolean());
        Assert.Contains(rows, r => r.GetProperty("reason").GetString() == "title" && r.GetProperty("used").GetBoolean());
    }

    [Fact]
    public void TableSummarisesWithCountsAndDatesInWords()
    {
        var (code, output, _) = Run(OutputFormat.Table, null, TestPaths.Seeds);
        Assert.Equal(0, code);
        Assert.Contains("8 articles from 5 files", output);
        Assert.Contains("July 8th, 2024", output);
    }

    [Fact]
    public void SkippedInputsGiveExitCodeTwoAndArePrinted()
    {
        using var folder = new TempFolder();
        folder.Write("good.txt", "Good Story\n\nThe city council approved the new budget on Tuesday after a long debate, the mayor said.");
        folder.Write("empty.txt", "");
        var (code, output, errors) = Run(OutputFormat.Csv, null, folder.Path);
        Assert.Equal(2, code);
        Assert.StartsWith("id,file,index,title,outlet,site,author,published,published_at,date_source,url,language,words,paragraphs,text", output);
        Assert.Contains("skipped: empty.txt: empty file", errors);
    }

    [Fact]
    public void CsvStreamsInBatchesWithOneHeader()
    {
        using var folder = new TempFolder();
        folder.Write("feed.jsonl", string.Join("\n", Enumerable.Range(1, 1200).Select(i => $"{{\"id\": \"n{i}\", \"title\": \"T{i}\", \"text\": \"Body {i}.\"}}")));
        var (code, output, _) = Run(OutputFormat.Csv, null, folder.Path);
        Assert.Equal(0, code);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1201, lines.Length);
        Assert.Single(lines, l => l.StartsWith("id,file,", StringComparison.Ordinal));
        Assert.StartsWith("n1200,", lines[^1]);
    }

    [Fact]
    public void UsageErrorsGiveExitCodeOne()
    {
        Assert.Equal(2, Run(OutputFormat.Table, null, "/no/such/folder/anywhere").Code); // a path that matched nothing
        Assert.Equal(1, Run(OutputFormat.Table, "/no/such/metadata.csv", TestPaths.Seeds).Code);
        Assert.Equal(1, NewsLens.Cli.Program.BuildRoot().Parse(["articles"]).Invoke());
    }
}
