using System.Text;

namespace NewsLens.Tests.CorpusLoading; // not ".Corpus": that would hide the Corpus type from every other test namespace

/// <summary>Bad inputs become diagnostics naming the file (and line) and the problem; the good files still load.</summary>
public class BadInputTests
{
    private const string Good = "Good Story\n\nThe city council approved the new budget on Tuesday after a long debate, the mayor said.";

    private static (Corpus Corpus, Diagnostic Problem) LoadWithOneBadFile(TempFolder folder)
    {
        folder.Write("good.txt", Good);
        var corpus = Corpus.Load(folder.Path);
        Assert.Equal("Good Story", Assert.Single(corpus).Title);
        var problem = Assert.Single(corpus.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Skipped, problem.Severity);
        return (corpus, problem);
    }

    [Theory]
    [InlineData("empty.txt", "", "empty file")]
    [InlineData("blank.md", "  \n\n \t\n", "empty file")]
    [InlineData("empty.jsonl", "", "")]
    public void EmptyFiles(string name, string content, string expected)
    {
        using var folder = new TempFolder();
        folder.Write(name, content);
        folder.Write("good.txt", Good);
        var corpus = Corpus.Load(folder.Path);
        Assert.Single(corpus);
        if (expected.Length > 0)
            Assert.Contains(corpus.Diagnostics, d => d.File == name && d.Message.Contains(expected));
    }

    [Fact]
    public void BinaryFile()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("scan.txt", [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x00, 0x00, 0xFF, 0x10, 0x00, 0x01, 0x02]);
        var (_, problem) = LoadWithOneBadFile(folder);
        Assert.Equal("scan.txt", problem.File);
        Assert.Contains("binary", problem.Message);
        Assert.Contains("PDF", problem.Message);
    }

    [Fact]
    public void AFewBadBytesInUtf8KeepTheArticleWithAWarningNamingTheLine()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("broken.txt", [.. Encoding.UTF8.GetBytes("Title — with a dash\n\nThe city council approved the new budget on Tuesday after a long debate, the mayor said.\nLine three "), 0xC3, 0x28, .. " and more.\n"u8]);
        var corpus = Corpus.Load(folder.Path);
        var article = Assert.Single(corpus);
        Assert.Equal("Title — with a dash", article.Title);
        Assert.Contains("Line three \uFFFD( and more.", article.Text);
        var problem = Assert.Single(corpus.Diagnostics);
        Assert.Equal(("broken.txt", 4, DiagnosticSeverity.Warning), (problem.File, problem.Line, problem.Severity));
        Assert.Contains("invalid UTF-8 read as U+FFFD: 1 broken sequence", problem.Message);
    }

    [Fact]
    public void Utf8WithManyBadBytesIsSkipped()
    {
        using var folder = new TempFolder();
        var bad = Enumerable.Range(0, TextDecoding.MaxRepairedSequences + 1).SelectMany(_ => "word \u00e9 "u8.ToArray().Append((byte)0xC3).Append((byte)0x28)).ToArray();
        folder.WriteBytes("broken.txt", [.. Encoding.UTF8.GetBytes("Title\n\n"), .. bad, .. "\n"u8]);
        var (_, problem) = LoadWithOneBadFile(folder);
        Assert.Equal(("broken.txt", 3), (problem.File, problem.Line));
        Assert.Contains($"{TextDecoding.MaxRepairedSequences + 1} broken sequences", problem.Message);
    }

    [Fact]
    public void HugeSingleLinePage()
    {
        using var folder = new TempFolder();
        folder.Write("dump.txt", new string('x', 5_000_000));
        var (_, problem) = LoadWithOneBadFile(folder);
        Assert.Equal(1, problem.Line);
        Assert.Contains("5,000,000 characters", problem.Message);
    }

    [Fact]
    public void HundredMegabyteSingleLineJsonLinesIsSkippedWithoutHoldingIt()
    {
        using var folder = new TempFolder();
        var path = folder.Prepare("big.jsonl");
        using (var stream = new FileStream(path, FileMode.Create))
        {
            stream.Write("{\"text\": \""u8);
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)'a');
            for (var i = 0; i < 100; i++)
                stream.Write(chunk);
            stream.Write("\"}\n{\"title\": \"After\", \"text\": \"Still loads.\"}\n"u8);
        }

        var corpus = Corpus.Load(folder.Path);
        Assert.Equal("After", Assert.Single(corpus).Title);
        var problem = Assert.Single(corpus.Diagnostics);
        Assert.Equal(("big.jsonl", 1), (problem.File, problem.Line));
        Assert.Contains("characters long", problem.Message);
    }

    [Fact]
    public void PagesOverTheSizeLimitAreSkipped()
    {
        using var folder = new TempFolder();
        folder.Write("large.txt", string.Concat(Enumerable.Repeat("A line of text that goes on.\n", 2000)));
        folder.Write("good.txt", Good);
        var corpus = Corpus.Load(folder.Path, new LoadOptions { MaxPageBytes = 10_000 });
        Assert.Single(corpus);
        Assert.Contains(corpus.Diagnostics, d => d.File == "large.txt" && d.Message.Contains("too large"));
    }

    [Fact]
    public void UnreadableFile()
    {
        using var folder = new TempFolder();
        // A link to nowhere cannot be opened, even by root (who ignores permission bits).
        File.CreateSymbolicLink(folder.Prepare("gone.txt"), Path.Combine(folder.Path, "missing-target.txt"));
        var (_, problem) = LoadWithOneBadFile(folder);
        Assert.Equal("gone.txt", problem.File);
        Assert.Contains("unreadable", problem.Message);
    }

    [Fact]
    public void MalformedJsonLinesAreSkippedOneByOne()
    {
        using var folder = new TempFolder();
        folder.Write("feed.jsonl", "{\"title\": \"A\", \"text\": \"Alpha.\"}\n{\"title\": \"B\", \"text\": \n[1, 2]\n{\"title\": \"C\", \"text\": \"Gamma.\"}\n");
        var corpus = Corpus.Load(folder.Path);
        Assert.Equal(["A", "C"], corpus.Select(a => a.Title));
        Assert.Equal([2, 3], corpus.Diagnostics.Select(d => d.Line ?? 0));
        Assert.Contains("malformed JSON", corpus.Diagnostics[0].Message);
        Assert.Contains("not an object", corpus.Diagnostics[1].Message);
        Assert.Equal("skipped: feed.jsonl:2: " + corpus.Diagnostics[0].Message, corpus.Diagnostics[0].ToString());
    }

    [Theory]
    [InlineData("\"title\": \"B\", \"text\": \"Beta \\ud800 cut in half.\"")]
    [InlineData("\"title\": \"B \\udc00\", \"text\": \"Beta.\"")]
    public void JsonStringThatIsNotTextSkipsOnlyItsRecord(string badRecord)
    {
        using var folder = new TempFolder();
        folder.Write("feed.jsonl", "{\"title\": \"A\", \"text\": \"Alpha.\"}\n{" + badRecord + "}\n{\"title\": \"C\", \"text\": \"Gamma.\"}\n");
        var corpus = Corpus.Load(folder.Path);
        Assert.Equal(["A", "C"], corpus.Select(a => a.Title));
        var problem = Assert.Single(corpus.Diagnostics);
        Assert.Equal(2, problem.Line);
        Assert.Contains("not valid text", problem.Message);
    }

    [Fact]
    public void MalformedJsonArrayKeepsTheRecordsBeforeTheError()
    {
        using var folder = new TempFolder();
        folder.Write("array.json", "[\n{\"title\": \"A\", \"text\": \"Alpha.\"},\n{\"title\": \"B\" \"text\": \"Beta.\"}\n]");
        var corpus = Corpus.Load(folder.Path);
        Assert.Equal("A", Assert.Single(corpus).Title);
        var problem = Assert.Single(corpus.Diagnostics);
        Assert.Equal(3, problem.Line);
        Assert.Contains("malformed JSON", problem.Message);
    }

    [Fact]
    public void MalformedCsvRowsAreSkippedWithTheirLine()
    {
        using var folder = new TempFolder();
        folder.Write("news.csv", "title,text\nGood one,First text.\nBad \"quote\" here,Second text.\nToo,many,fields\nGood two,Third text.\n");
        var corpus = Corpus.Load(folder.Path);
        Assert.Equal(["Good one", "Good two"], corpus.Select(a => a.Title));
        Assert.Equal([3, 4], corpus.Diagnostics.Select(d => d.Line ?? 0));
        Assert.All(corpus.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Skipped, d.Severity));
    }

    [Fact]
    public void MissingPathIsADiagnosticNotAnException()
    {
        var corpus = Corpus.Load(Path.Combine(Path.GetTempPath(), "newslens-no-such-folder-" + Guid.NewGuid()));
        Assert.Empty(corpus);
        Assert.Contains("no such file or folder", Assert.Single(corpus.Diagnostics).Message);
    }

    [Fact]
    public void PageOfOnlyBoilerplateSaysSo()
    {
        using var folder = new TempFolder();
        folder.Write("nav.txt", "Skip to content\nMenu\nSearch\n\nSubscribe\n");
        var (_, problem) = LoadWithOneBadFile(folder);
        Assert.Contains("no article text", problem.Message);
    }
}
