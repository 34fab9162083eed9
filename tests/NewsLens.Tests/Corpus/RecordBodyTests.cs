using System.Text.Json;

namespace NewsLens.Tests.CorpusLoading; // not ".Corpus": that would hide the Corpus type from every other test namespace

/// <summary>How a record's body becomes the article text, and that articles build the same on several threads at once.</summary>
public class RecordBodyTests
{
    [Theory]
    [InlineData("One paragraph.\n\nAnother paragraph.", "One paragraph.\n\nAnother paragraph.")]
    [InlineData("  Spaces   and\ttabs\u00A0\u00A0collapse.  ", "Spaces and tabs collapse.")]
    [InlineData("Fish &amp; chips &lt;3;\n\n&nbsp;", "Fish & chips <3;")]
    [InlineData("Wire copy wrapped at a fixed width keeps going on\nthe next line and the line after that one until\nthe sentence ends.\n    An indented line starts the next paragraph here.",
        "Wire copy wrapped at a fixed width keeps going on the next line and the line after that one until the sentence ends.\n\nAn indented line starts the next paragraph here.")]
    [InlineData("Short line.\nAnother short line.", "Short line.\n\nAnother short line.")]
    [InlineData("Windows\r\nline ends\r\n\r\nand old Mac\rones.", "Windows\n\nline ends\n\nand old Mac\n\nones.")]
    [InlineData("“Quoted,” he said — \u2028über.", "“Quoted,” he said —\n\nüber.")]
    [InlineData(" \n\t\n", "")]
    public void BodyBecomesNormalisedParagraphs(string body, string expected)
    {
        using var folder = new TempFolder();
        folder.Write("feed.jsonl", JsonSerializer.Serialize(new { title = "T", text = body }) + "\n");
        folder.Write("feed.csv", "title,text\nT,\"" + body.Replace("\"", "\"\"") + "\"\n");
        var corpus = Corpus.Load(folder.Path);
        Assert.Equal(2, corpus.Count);
        Assert.All(corpus, article => Assert.Equal(expected, article.Text));
    }

    [Fact]
    public void ABlankTextColumnGivesWayToTheNextName()
    {
        using var folder = new TempFolder();
        folder.Write("feed.jsonl", """
            {"title": "A", "text": "\u00a0\n ", "body": "The body."}
            {"title": "B", "text": "", "summary": "The summary."}
            {"title": "C", "text": ["x", "y"]}
            """);
        Assert.Equal(["The body.", "The summary.", "x, y"], Corpus.Load(folder.Path).Select(a => a.Text));
    }

    [Fact]
    public void ArticlesBuiltOnSeveralThreadsAtOnceMatchOneThread()
    {
        using var folder = new TempFolder();
        var random = new Random(5);
        string[] pieces = ["Mr. Smith said", "the U.S. The talks", "&amp; co;", "tabs\there", "a line that is long enough to look like wrapped wire copy text", "\n", "\n\n", "  ", "end."];
        var records = Enumerable.Range(0, 400).Select(i => JsonSerializer.Serialize(new
        {
            title = $"Story {i}",
            text = string.Concat(Enumerable.Range(0, random.Next(1, 80)).Select(_ => pieces[random.Next(pieces.Length)] + " ")),
        }));
        folder.Write("feed.jsonl", string.Join("\n", records));

        var sequential = new CorpusLoader(new LoadOptions()).Pending([folder.Path]).Select(p => p.Build()).ToList();
        var pending = new CorpusLoader(new LoadOptions()).Pending([folder.Path]).ToList();
        var parallel = new Article[pending.Count];
        Parallel.For(0, pending.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = pending[i].Build());

        Assert.Equal(400, sequential.Count);
        for (var i = 0; i < sequential.Count; i++)
        {
            Assert.Equal(sequential[i].Text, parallel[i].Text);
            Assert.Equal(sequential[i].Sentences, parallel[i].Sentences);
            Assert.Equal(sequential[i].Paragraphs, parallel[i].Paragraphs);
        }
    }
}
