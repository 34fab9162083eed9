using System.Text.Json;
using NewsLens.Cli;
using NewsLens.Cli.Commands;
using NewsLens.Cli.Output;

namespace NewsLens.Tests.Cli;

public sealed class SentimentCommandTests
{
    [Fact]
    public void LinesModeWritesOneObjectPerInputLineInOrder()
    {
        var output = new StringWriter();

        SentimentCommand.ScoreLines(new StringReader("The book was good.\n\nToday SUX!\n"), OutputFormat.Jsonl, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length); // the empty line still gets its (all-zero) row
        var scores = lines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(["neg", "neu", "pos", "compound"], scores[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.4404, scores[0].GetProperty("compound").GetDouble());
        Assert.Equal(0.0, scores[1].GetProperty("neu").GetDouble());
        Assert.Equal(-0.5461, scores[2].GetProperty("compound").GetDouble());
        Assert.Equal(0.779, scores[2].GetProperty("neg").GetDouble());
    }

    [Fact]
    public void LinesModeCanWriteCsv()
    {
        var output = new StringWriter();

        SentimentCommand.ScoreLines(new StringReader("Good.\nBad."), OutputFormat.Csv, output);

        Assert.Equal("neg,neu,pos,compound\r\n0,0,1,0.4404\r\n1,0,0,-0.5423\r\n", output.ToString());
    }

    [Fact]
    public void SentenceLevelJsonlHasTheDocumentedFields()
    {
        var output = new StringWriter();
        var corpus = new Corpus([Article.FromText("Good. Bad.", "a")]);

        var exit = SentimentCommand.Report(corpus, SentimentLevel.Sentence, null, 3, OutputFormat.Jsonl, output, new StringWriter());

        Assert.Equal(0, exit);
        var first = JsonDocument.Parse(output.ToString().Split('\n')[0]).RootElement;
        Assert.Equal(["article", "file", "sentence", "start", "end", "neg", "neu", "pos", "compound"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, first.GetProperty("end").GetInt32());
    }

    [Fact]
    public void ResamplingReportsUndatedArticlesOnTheSide()
    {
        var output = new StringWriter();
        var messages = new StringWriter();
        var corpus = new Corpus(
        [
            Article.FromText("Good.", "a", published: new DateOnly(2024, 1, 3)),
            Article.FromText("Bad.", "b", published: new DateOnly(2024, 3, 9)),
            Article.FromText("Great.", "c"),
        ]);

        SentimentCommand.Report(corpus, SentimentLevel.Article, TimeBucket.Month, 2, OutputFormat.Csv, output, messages);

        var rows = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period,start,count,mean_compound,ci_low,ci_high,rolling_mean", rows[0]);
        Assert.Equal(["2024-01", "2024-02", "2024-03"], rows.Skip(1).Select(r => r.Split(',')[0]));
        Assert.StartsWith("2024-02,2024-02-01,0,,,,0.4404", rows[2]);
        Assert.Contains("1 article without a published date", messages.ToString());
    }

    [Fact]
    public void ActorLevelListsRecognisedActors()
    {
        var output = new StringWriter();
        var corpus = new Corpus([Article.FromText("Vladimir Putin is good. The weather was bad.", "a", published: new DateOnly(2024, 5, 1))]);

        SentimentCommand.Report(corpus, SentimentLevel.Actor, null, 3, OutputFormat.Csv, output, new StringWriter());
        var rows = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("actor,articles,sentences,mean_compound", rows[0]);
        Assert.Contains(rows, row => row.StartsWith("Vladimir Putin,1,1,0.4404", StringComparison.Ordinal));

        output = new StringWriter();
        SentimentCommand.Report(corpus, SentimentLevel.Actor, TimeBucket.Year, 3, OutputFormat.Csv, output, new StringWriter());
        Assert.Contains("Vladimir Putin,2024,2024-01-01,1,0.4404", output.ToString());
    }

    [Fact]
    public void ScoresTheSampleCorpusByOutlet()
    {
        var output = new StringWriter();

        var exit = SentimentCommand.Report(Corpus.Load(TestPaths.Seeds), SentimentLevel.Outlet, null, 3, OutputFormat.Jsonl, output, new StringWriter());

        Assert.Equal(0, exit);
        var outlets = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.True(outlets.Count >= 2);
        Assert.All(outlets, o => Assert.InRange(o.GetProperty("mean_compound").GetDouble(), -1, 1));
        Assert.Equal(outlets.Sum(o => o.GetProperty("sentences").GetInt32()), Corpus.Load(TestPaths.Seeds).Sum(a => a.Sentences.Count));
    }

    [Theory]
    [InlineData("sentiment --lines -", 0)]
    [InlineData("sentiment --lines - --by sentence", 1)]
    [InlineData("sentiment --lines - --resample month", 1)]
    [InlineData("sentiment a.txt --window 5", 1)]
    [InlineData("sentiment a.txt --resample month --window 5", 0)]
    [InlineData("sentiment --lines in.txt --lexicon my.txt --emoji-lexicon emoji.txt", 0)]
    [InlineData("sentiment a.txt --by outlet --resample month --format csv", 0)]
    [InlineData("sentiment a.txt --by Article --resample Quarter", 0)]
    [InlineData("sentiment", 1)]
    [InlineData("sentiment a.txt --lines -", 1)]
    [InlineData("sentiment a.txt --resample fortnight", 1)]
    [InlineData("sentiment a.txt --window 0", 1)]
    public void ParsesArguments(string commandLine, int errors)
    {
        var parse = Program.BuildRoot().Parse(commandLine);

        Assert.Equal(errors, Math.Min(parse.Errors.Count, 1));
    }
}
