using NewsLens.Cli.Commands;
using NewsLens.Cli.Output;

namespace NewsLens.Tests.CorpusLoading; // not ".Corpus": that would hide the Corpus type from every other test namespace

/// <summary>An outlet from the writer's byline, for pages that name their writer but no outlet, host or masthead.</summary>
public sealed class OutletBylineTests : IDisposable
{
    // Invented outlet and writers: the catalog's bylines are the user's own knowledge of who writes where.
    private const string Catalog = """
        { "outlets": [
            { "name": "The Harbour Gazette", "hosts": ["harbourgazette.example"], "bylines": ["Mira Okonkwo-Lund", "Tomas Feld"] },
            { "name": "Valley Courier", "bylines": ["Ines Marchetti"] }
        ] }
        """;

    private const string Story =
        "The city council approved the new budget on Tuesday after a long debate, the mayor said in a statement.\n\n" +
        "\"This budget puts residents first,\" the mayor told reporters outside the town hall.\n\n" +
        "Opposition members criticised the plan, saying it raised taxes without improving local services.";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Article Load(string byline, bool withCatalog = true)
    {
        var page = _folder.Write(Path.Combine("pages", "p.txt"), $"Council Passes Budget\n\nby {byline} April 9, 2024 9:13 AM 2 min read\n\n{Story}\n");
        var rules = withCatalog ? PageRules.Default.WithOutlets(_folder.Write("outlets.json", Catalog)) : PageRules.Default;
        return Assert.Single(Corpus.Load(page, new LoadOptions { Rules = rules }));
    }

    [Fact]
    public void AListedWriterGivesTheOutletAndAnUnlistedOneLeavesItBlank()
    {
        var listed = Load("Mira Okonkwo-Lund");
        Assert.Equal("Mira Okonkwo-Lund", listed.Author);
        Assert.Equal("The Harbour Gazette", listed.Outlet);

        Assert.Null(Load("Somebody Unlisted").Outlet);
        Assert.Null(Load("Mira Okonkwo-Lund", withCatalog: false).Outlet);
    }

    [Fact]
    public void SeveralWritersGiveAnOutletOnlyWhenTheListedOnesAgree()
    {
        Assert.Equal("The Harbour Gazette", Load("Mira Okonkwo-Lund and Tomas Feld").Outlet);
        Assert.Equal("The Harbour Gazette", Load("Tomas Feld & Somebody Unlisted").Outlet);
        Assert.Null(Load("Mira Okonkwo-Lund and Ines Marchetti").Outlet);
    }

    [Fact]
    public void RecordsWithAnAuthorAndNoOutletUseTheBylinesToo()
    {
        var file = _folder.Write("r.jsonl", "{\"title\":\"Budget\",\"author\":\"ines marchetti\",\"text\":\"" + Story.Replace("\n", " ").Replace("\"", "\\\"") + "\"}\n"
            + "{\"title\":\"Budget 2\",\"author\":\"Ines Marchetti\",\"source\":\"Some Wire\",\"text\":\"" + Story.Replace("\n", " ").Replace("\"", "\\\"") + "\"}\n");
        var corpus = Corpus.Load(file, new LoadOptions { Rules = PageRules.Default.WithOutlets(_folder.Write("outlets.json", Catalog)) });

        Assert.Equal("Valley Courier", corpus[0].Outlet);
        Assert.Equal("Some Wire", corpus[1].Outlet); // an outlet the record gives is kept
    }

    [Fact]
    public void ACatalogThatIsNotOneIsRefusedNamingTheFile()
    {
        var bad = _folder.Write("bad.json", "{ \"outlets\": [ { \"hosts\": [\"x.example\"] } ] }");
        var error = Assert.Throws<FormatException>(() => PageRules.Default.WithOutlets(bad));
        Assert.Contains(bad, error.Message);

        var errors = new StringWriter();
        var code = ArticlesCommand.Run([_folder.Path], OutputFormat.Csv, null, null, new StringWriter(), errors, outlets: bad);
        Assert.Equal(1, code);
        Assert.StartsWith("error: --outlets: " + bad, errors.ToString());
    }

    [Fact]
    public void TheOutletsOptionReachesEveryVerb()
    {
        var page = _folder.Write(Path.Combine("pages", "p.txt"), $"Council Passes Budget\n\nby Tomas Feld April 9, 2024\n\n{Story}\n");
        var catalog = _folder.Write("outlets.json", Catalog);
        var output = new StringWriter();
        var code = ArticlesCommand.Run([page], OutputFormat.Csv, null, null, output, new StringWriter(), outlets: catalog);

        Assert.Equal(0, code);
        Assert.Contains("The Harbour Gazette", output.ToString());
        foreach (var verb in new[] { "articles", "quotes", "actors", "cooccurrence", "sentiment", "analyze" })
            Assert.Contains(NewsLens.Cli.Program.BuildRoot().Subcommands.Single(c => c.Name == verb).Options, o => o.Name == "--outlets");
    }
}
