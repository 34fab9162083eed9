namespace NewsLens.Tests.CorpusLoading; // not ".Corpus": that would hide the Corpus type from every other test namespace

/// <summary>Scraped text and markdown pages: cleaning, metadata and splitting, on small invented pages.</summary>
public class PageLoadingTests
{
    private const string Story =
        "The city council approved the new budget on Tuesday after a long debate, the mayor said in a statement.\n\n" +
        "\"This budget puts residents first,\" the mayor told reporters outside the town hall.\n\n" +
        "Opposition members criticised the plan, saying it raised taxes without improving local services.";

    private static Article Single(string page, string name = "page.txt", LoadOptions? options = null)
    {
        using var folder = new TempFolder();
        folder.Write(name, page);
        var corpus = Corpus.Load(folder.Path, options);
        Assert.DoesNotContain(corpus.Diagnostics, d => d.Severity == DiagnosticSeverity.Skipped);
        return Assert.Single(corpus);
    }

    [Fact]
    public void MarkdownHeadingDateLineAndUrlAreRecovered()
    {
        var article = Single("# Council Passes Budget\n\nMarch 3, 2023\n\n" + Story + "\n\nOriginal url:\n\n<https://www.reuters.com/world/2023/03/03/council-budget/>", "page.md");
        Assert.Equal("Council Passes Budget", article.Title);
        Assert.Equal(new DateOnly(2023, 3, 3), article.Published);
        Assert.Equal(DateSource.Explicit, article.DateSource);
        Assert.Equal("https://www.reuters.com/world/2023/03/03/council-budget/", article.Url);
        Assert.Equal("Reuters", article.Outlet);
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.DoesNotContain("Original url", article.Text);
    }

    [Fact]
    public void DateFromTheUrlWhenThePageHasNone()
    {
        var article = Single("Council Passes Budget\n\n" + Story + "\n\nhttps://example-news.org/2022/11/05/council-budget\n");
        Assert.Equal(new DateOnly(2022, 11, 5), article.Published);
        Assert.Equal(DateSource.Url, article.DateSource);
        Assert.Equal("example-news.org", article.Outlet);
    }

    [Fact]
    public void NoDateIsInventedWhenTheTextDoesNotPinItDown()
    {
        var article = Single("Council Passes Budget\n\n" + Story + "\n\nThe vote came on March 3, after talks that began last week.");
        Assert.Null(article.Published);
        Assert.Equal(DateSource.None, article.DateSource);
    }

    [Fact]
    public void BylineGivesAuthorAndDate()
    {
        var article = Single("Council Passes Budget\n\nBy Jane Q. Doe | 9 June 2021, 10:15 GMT\n\n" + Story);
        Assert.Equal("Jane Q. Doe", article.Author);
        Assert.Equal(new DateOnly(2021, 6, 9), article.Published);
    }

    [Fact]
    public void BoilerplateCaptionsAndLinkArtefactsAreRemoved()
    {
        var page = "Skip to content\nMenu\n\nCouncil Passes Budget\n\n" +
                   "The mayor at the town hall on Tuesday. (Photo: Jane Roe/AFP via Getty Images)\n\n" +
                   "The city council [approved](#) the new **budget** on Tuesday after a long debate, the mayor said in a statement.\n\n" +
                   "Subscribe to our daily newsletter for the latest news\n\n* indicates required\n\n" +
                   "Opposition members criticised the plan, saying it raised taxes without improving local services.\n\n" +
                   "Related articles\n\nSomething Else Happened Somewhere Today\n\nStaff Writer\n\n© 2024 Example Media Group. All rights reserved.";
        var article = Single(page);
        Assert.Equal("Council Passes Budget", article.Title);
        Assert.StartsWith("The city council approved the new budget on Tuesday", article.Text);
        Assert.EndsWith("without improving local services.", article.Text);
        Assert.DoesNotContain("Subscribe", article.Text);
        Assert.DoesNotContain("Getty", article.Text);
        Assert.DoesNotContain("[", article.Text);
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.Equal("Example Media Group", article.Outlet);
    }

    [Theory]
    [InlineData("World\nPolitics\n\nCouncil Passes Budget After Long Debate\n\n", "Council Passes Budget After Long Debate")]
    [InlineData("Budget Passes\n\nBy Jane Doe\n\n", "Budget Passes")]
    [InlineData("Politics\n\n# Budget Passes\n\n", "Budget Passes")]
    public void TheHeadlineWinsOverSectionLabels(string header, string expected) =>
        Assert.Equal(expected, Single(header + Story).Title);

    [Fact]
    public void SubheadingsSeparateParagraphsButAreNotText()
    {
        var page = "Council Passes Budget\n\n" +
                   "The city council approved the new budget on Tuesday after a long debate, the mayor said.\n\n" +
                   "What Comes Next\n\n" +
                   "The budget takes effect in January, when the first new services are due to start.";
        var article = Single(page);
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.DoesNotContain("What Comes Next", article.Text);
    }

    [Fact]
    public void AQuoteCutBeforeItsAttributionIsRejoined()
    {
        var page = "Council Passes Budget\n\n" +
                   "\"We will keep every promise we made to the people of this city,\"\n\nthe mayor said.\n\n" +
                   "Opposition members criticised the plan, saying it raised taxes without improving local services.";
        var article = Single(page);
        Assert.Equal("\"We will keep every promise we made to the people of this city,\" the mayor said.", article[article.Paragraphs[0]]);
    }

    [Fact]
    public void HardWrappedMarkdownIsRejoined()
    {
        var page = "# Council Passes Budget\n\n" +
                   "The city council approved the new budget on Tuesday after a long\n" +
                   "debate that lasted well into the night, the mayor said in a\n" +
                   "statement released by her office.\n\n" +
                   "Opposition members criticised the plan, saying it raised taxes\n" +
                   "without improving local services.\n";
        var article = Single(page, "wrapped.md");
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.Contains("a long debate that lasted", article.Text);
    }

    [Fact]
    public void PageWithFullRelatedStoriesIsSplitAndTeasersAreDropped()
    {
        var related = string.Join(" ", Enumerable.Repeat("The regional parliament debated the proposal for several hours before a narrow vote approved it.", 6));
        var page = "Council Passes Budget\n\n" + Story + "\n\nRelated Articles\n\n" +
                   "Regional Parliament Approves Rail Plan\n\n2 hours ago\n\n" + related + "\n\n" +
                   "Teaser Headline Without Any Body At All\n\n5 hours ago\n\n" +
                   "Farmers Protest New Water Rules\n\nThe protest began early on Monday…\n";
        using var folder = new TempFolder();
        folder.Write("news/page.txt", page);
        var corpus = Corpus.Load(folder.Path);
        Assert.Equal(2, corpus.Count);
        var main = corpus[0];
        var embedded = corpus[1];
        Assert.Equal("news/page", main.Id);
        Assert.Equal("news/page#1", embedded.Id);
        Assert.Equal(1, embedded.Index);
        Assert.Equal(main.Id, embedded.ParentId);
        Assert.Equal("Regional Parliament Approves Rail Plan", embedded.Title);
        Assert.Null(embedded.Published); // "2 hours ago" is no date
        Assert.DoesNotContain("Teaser", main.Text + embedded.Text);
    }

    [Fact]
    public void ASubheadingOverProseAfterARelatedBoxIsNoEmbeddedStory()
    {
        var prose = string.Join(" ", Enumerable.Repeat("The council will review the spending plans again in the spring, officials said on Wednesday.", 5));
        var page = "Council Passes Budget\n\n" + Story + "\n\nRelated\n\nOther Things\n\n" + prose + "\n";
        using var folder = new TempFolder();
        folder.Write("page.txt", page);
        var corpus = Corpus.Load(folder.Path);
        Assert.Equal("Council Passes Budget", Assert.Single(corpus).Title);
    }

    [Fact]
    public void AggregatorRepostLineGivesOutletSiteAndDayFirstDate()
    {
        var page = "Council Passes Budget\n\nAssociated Press03-04-2024\n" + Story + "\n\nDownload NewsHub8 app today from your app store.";
        var article = Single(page);
        Assert.Equal("AP", article.Outlet);
        Assert.Equal("NewsHub8", article.Site);
        Assert.Equal(new DateOnly(2024, 4, 3), article.Published);
        Assert.Equal(DateSource.Explicit, article.DateSource);
    }

    [Fact]
    public void UserBoilerplatePatternsReplaceTheShippedOnes()
    {
        using var folder = new TempFolder();
        var patterns = folder.Write("my-boilerplate.txt", "[drop]\n^Sponsored by .*$\n");
        folder.Write("corpus/page.txt", "Council Passes Budget\n\n" + Story + "\n\nSponsored by the Example Bakery, fresh bread daily for all the readers of this page.");
        var corpus = Corpus.Load(Path.Combine(folder.Path, "corpus"), new LoadOptions { Rules = PageRules.Default.With(boilerplate: patterns) });
        Assert.DoesNotContain("Sponsored", Assert.Single(corpus).Text);
    }

    [Fact]
    public void ShippedDataFilesCanBeReadToAdaptThem()
    {
        Assert.Contains("[drop]", PageRules.ReadResource("boilerplate.txt"));
        Assert.Contains("\"outlets\"", PageRules.ReadResource("outlets.json"));
        Assert.Contains("repost", PageRules.ReadResource("signatures.txt"));
        Assert.Contains("\t", PageRules.ReadResource("events.txt"));
    }
}
