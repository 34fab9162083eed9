using System.Text.Json;
using NewsLens.Cli;
using NewsLens.Cli.Commands;
using NewsLens.Cli.Output;
using NewsLens.Tests.Analysis;

namespace NewsLens.Tests.Statements;

/// <summary>Statements as records, DataFrames, CLI rows and the analysis folder's tables.</summary>
public class StatementTableTests
{
    private static Corpus Sample() => new(
    [
        Article.FromText("Anna Berg said the plan was \"a reckless gamble.\" \"This plan is a reckless gamble with our savings,\" Berg said.", "a",
            published: new DateOnly(2024, 3, 9), outlet: "Daily"),
        Article.FromText("\"This plan is a reckless gamble with our savings,\" Anna Berg told reporters.", "b",
            published: new DateOnly(2024, 3, 10), outlet: "Weekly"),
        Article.FromText("\"We will build the bridge,\" Carl Holm said.", "c", published: new DateOnly(2024, 3, 8), outlet: "Weekly"),
    ]);

    [Fact]
    public void AStatementKnowsItsFirstCarrierOutletsAndFullestText()
    {
        var corpus = Sample();
        var statements = corpus.Statements();
        var top = statements[0];

        Assert.Equal("Anna Berg", top.Speaker);
        Assert.Equal("This plan is a reckless gamble with our savings,", top.Text);
        Assert.Equal(3, top.Renderings.Count);
        Assert.Equal(2, top.Articles);
        Assert.Equal(["Daily", "Weekly"], top.Outlets);
        Assert.Equal("Daily", top.FirstOutlet);
        Assert.Equal(new DateOnly(2024, 3, 9), top.FirstDate);
        Assert.Equal(2, top.Variants().Count);
        Assert.Equal(2, statements.Count);

        var frame = statements.ToDataFrame();
        Assert.Equal(["statement", "speaker", "text", "first_date", "first_outlet", "first_article", "renderings", "articles", "outlets", "outlet_order", "variants", "texts"],
            frame.Columns.Select(c => c.Name));
        Assert.Equal("Daily; Weekly", frame.Columns["outlet_order"][0]);
    }

    [Fact]
    public void QuotesCarryTheirStatementInTheDataFrameAndJsonl()
    {
        var quotes = Sample().Quotes();
        Assert.All(quotes, q => Assert.NotNull(q.Statement));
        Assert.Equal(3, quotes.Count(q => q.Statement == quotes[0].Statement));
        Assert.Equal(quotes.Select(q => q.Statement), quotes.ToDataFrame().Columns["statement"].Cast<string>());

        var output = new StringWriter();
        QuotesCommand.Report(Sample(), QuoteLevel.Quote, TimeBucket.Month, OutputFormat.Jsonl, output);
        var rows = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(quotes.Select(q => q.Statement), rows.Select(r => r.GetProperty("statement").GetString()));
    }

    [Fact]
    public void RollUpsCountStatementsInsteadOfQuotes()
    {
        var corpus = Sample();
        var quotes = corpus.Quotes();
        var bySpeaker = quotes.QuotesBySpeaker(QuoteCount.Statements);
        Assert.Equal("statements", bySpeaker.Columns[1].Name);
        Assert.Equal(1, bySpeaker.Columns["statements"][0]); // Anna Berg: three quotes, one statement
        var output = new StringWriter();
        QuotesCommand.Report(corpus, QuoteLevel.Outlet, TimeBucket.Month, OutputFormat.Csv, output, count: QuoteCount.Statements);
        Assert.StartsWith("outlet,speaker,statements,articles", output.ToString(), StringComparison.Ordinal);
        output = new StringWriter();
        QuotesCommand.Report(corpus, QuoteLevel.Statement, TimeBucket.Month, OutputFormat.Csv, output);
        Assert.StartsWith("statement,speaker,text,first_date", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnalyzeWritesTheStatementsTableAndTheIdOfEveryQuote()
    {
        var output = AnalysisOutput.TempDirectory();
        var manifest = new Pipeline(new AnalysisOptions { Threads = 2 }).Run(Sample().Articles, output);

        Assert.Equal(2, manifest.Rows("statements"));
        using var db = AnalysisDatabase.Open(output);
        Assert.Equal(0, db.Scalar<long>("SELECT count(*) FROM quotes WHERE statement IS NULL"));
        var expected = Sample().Quotes().Select(q => q.Statement).ToList();
        var written = db.Query("SELECT statement FROM quotes ORDER BY article, start").Columns["statement"].Cast<string?>().ToList();
        Assert.Equal(expected, written);
        Assert.Equal(3, db.Scalar<long>("SELECT renderings FROM statements WHERE speaker = 'Anna Berg'"));
    }

    [Fact]
    public void TheStatementsVerbGivesTheSameResultOverShardsAsOneRun()
    {
        var whole = AnalysisOutput.TempDirectory();
        var sharded = AnalysisOutput.TempDirectory();
        var articles = PipelineTests.InventedCorpus(120).ToArray();
        new Pipeline().Run(articles, whole);
        new Pipeline(new AnalysisOptions { Shard = Shard.Parse("1/3"), Threads = 1 }).Run(articles, sharded);
        new Pipeline(new AnalysisOptions { Shard = Shard.Parse("2/3"), Threads = 2 }).Run(articles, sharded);
        new Pipeline(new AnalysisOptions { Shard = Shard.Parse("3/3") }).Run(articles, sharded);
        Assert.False(Directory.Exists(Path.Combine(sharded, "statements"))); // no shard sees every quote

        var exit = Program.BuildRoot().Parse(["statements", sharded]).Invoke();

        Assert.Equal(0, exit);
        Assert.Equal(AnalysisOutput.ReadRows(whole, "statements"), AnalysisOutput.ReadRows(sharded, "statements"));
        Assert.Equal(AnalysisOutput.ReadRows(whole, "quotes").Order(StringComparer.Ordinal), AnalysisOutput.ReadRows(sharded, "quotes").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheStatementsVerbNamesAFolderWithoutQuotes()
    {
        var empty = AnalysisOutput.TempDirectory();
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(1, Program.BuildRoot().Parse(["statements", empty]).Invoke());
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Contains("no quotes table", error.ToString(), StringComparison.Ordinal);
    }
}
