using System.Text.Json;
using NewsLens.Cli.Commands;
using NewsLens.Cli.Output;

namespace NewsLens.Tests.Cli;

public sealed class QuotesCommandTests
{
    private static Corpus Sample() => new(
    [
        Article.FromText("\"We will win,\" Anna Berg said. \"Nobody can stop us,\" she added.", "a", published: new DateOnly(2024, 3, 9), outlet: "Daily"),
        Article.FromText("Carl Holm called the plan \"a dangerous gamble for the city.\"", "b", published: new DateOnly(2024, 4, 2), outlet: "Weekly"),
    ]);

    [Fact]
    public void QuoteRowsInJsonlHaveTheDocumentedFields()
    {
        var output = new StringWriter();

        var exit = QuotesCommand.Report(Sample(), QuoteLevel.Quote, TimeBucket.Month, OutputFormat.Jsonl, output);

        Assert.Equal(0, exit);
        var rows = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["article", "file", "speaker", "speaker_mention", "resolution", "cue", "quote", "kind", "start", "end", "confidence", "rule", "statement"],
            rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("Anna Berg", rows[1].GetProperty("speaker").GetString());
        Assert.Equal("pronoun", rows[1].GetProperty("resolution").GetString());
        Assert.Equal("partial", rows[2].GetProperty("kind").GetString());
        Assert.Equal(1, rows[0].GetProperty("start").GetInt32());
    }

    [Theory]
    [InlineData("speaker", "speaker,quotes,articles\r\nAnna Berg,2,1\r\nCarl Holm,1,1\r\n")]
    [InlineData("outlet", "outlet,speaker,quotes,articles\r\nDaily,Anna Berg,2,1\r\nWeekly,Carl Holm,1,1\r\n")]
    [InlineData("period", "period,speaker,quotes,articles\r\n2024-03,Anna Berg,2,1\r\n2024-04,Carl Holm,1,1\r\n")]
    public void CountsWhoIsQuotedBySpeakerOutletAndPeriod(string level, string expected)
    {
        var output = new StringWriter();

        QuotesCommand.Report(Sample(), Enum.Parse<QuoteLevel>(level, ignoreCase: true), TimeBucket.Month, OutputFormat.Csv, output);

        Assert.Equal(expected, output.ToString());
    }

    [Fact]
    public void BadCueFileIsAClearError()
    {
        var e = Assert.Throws<FileNotFoundException>(() => QuotesCommand.CreateOptions("/nonexistent/cues.txt", null, false));
        Assert.Contains("/nonexistent/cues.txt", e.Message);
    }
}
