using System.Text;

namespace NewsLens.Tests.CorpusLoading; // not ".Corpus": that would hide the Corpus type from every other test namespace

/// <summary>HTML, JSON Lines, JSON, CSV/TSV, encodings, sidecars, folders and globs, on files each test writes.</summary>
public class FormatLoadingTests
{
    private const string Body = "The city council approved the new budget on Tuesday after a long debate, the mayor said.";

    [Fact]
    public void HtmlMainContentAndHeadMetadata()
    {
        const string html = """
            <!DOCTYPE html><html><head>
            <title>Council passes budget | Example Times</title>
            <meta property="og:site_name" content="Example Times">
            <meta property="og:title" content="Council Passes Budget">
            <meta property="article:published_time" content="2023-05-02T08:00:00Z">
            <meta name="author" content="Jane Doe">
            <link rel="canonical" href="https://www.example-times.com/local/council-budget">
            </head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article>
              <h1>Council Passes Budget</h1>
              <p>The city council approved the new budget on Tuesday after a long debate that lasted well into the night, the mayor said in a statement.</p>
              <figure><img src="x.jpg"><figcaption>The mayor speaks. Photo: Someone</figcaption></figure>
              <h2>Taxes</h2>
              <p>Opposition members criticised the plan, saying it raised taxes without improving local services, and promised to fight it in the next session.</p>
              <p>The budget takes effect in January, when the first of the new services are due to start across the city and its suburbs.</p>
            </article>
            <footer>© 2023 Example Times</footer>
            </body></html>
            """;
        using var folder = new TempFolder();
        folder.Write("page.html", html);
        var article = Assert.Single(Corpus.Load(folder.Path));
        Assert.Equal("Council Passes Budget", article.Title);
        Assert.Equal("Example Times", article.Outlet);
        Assert.Equal("Jane Doe", article.Author);
        Assert.Equal(new DateOnly(2023, 5, 2), article.Published);
        Assert.Equal(DateSource.Metadata, article.DateSource);
        Assert.Equal("https://www.example-times.com/local/council-budget", article.Url);
        Assert.Equal("2023-05-02T08:00:00+00:00", article.PublishedAt);
        Assert.Equal("en", article.Language);
        Assert.StartsWith("The city council approved", article.Text);
        Assert.Contains("\n\nTaxes\n\n", article.Text); // a subheading is part of the story on a page with a DOM
        Assert.DoesNotContain("Photo", article.Text);
        Assert.DoesNotContain("Home", article.Text);
        Assert.DoesNotContain("©", article.Text);
        Assert.Equal(4, article.Paragraphs.Count);
    }

    [Fact]
    public void HtmlLinkListInsideTheStoryDoesNotEndItAndTheTitleTagNamesTheSite()
    {
        const string html = """
            <html><head><title>Minister resigns over housing row - The Example Herald</title></head><body>
            <header><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></header>
            <main><div class="article-body">
            <h1>Minister resigns over housing row</h1>
            <p>By Alex Green</p><p>13 June 2023</p>
            <p>The housing minister resigned on Tuesday after weeks of pressure over the government's failure to meet its building targets, officials said.</p>
            <div class="related"><h3>Related</h3><ul><li><a href="/a">Opposition calls for election</a></li><li><a href="/b">House prices fall again</a></li></ul></div>
            <p>The prime minister thanked her for her service and said a successor would be named by the end of the week, aides said.</p>
            </div></main>
            <footer><p>© 2023 The Example Herald. All rights reserved.</p></footer></body></html>
            """;
        using var folder = new TempFolder();
        folder.Write("story.html", html);
        var article = Assert.Single(Corpus.Load(folder.Path));
        Assert.Equal("Minister resigns over housing row", article.Title);
        Assert.Equal("The Example Herald", article.Outlet);
        Assert.Equal("Alex Green", article.Author);
        Assert.Equal(new DateOnly(2023, 6, 13), article.Published);
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.EndsWith("by the end of the week, aides said.", article.Text);
        Assert.DoesNotContain("House prices", article.Text);
    }

    [Fact]
    public void HtmlJsonLdGivesHeadlineDateAndPublisher()
    {
        const string html = """
            <html><head><title>x</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Rail Strike Ends",
              "datePublished":"2021-10-04T06:30:00+01:00","author":{"@type":"Person","name":"John Roe"},"publisher":{"@type":"Organization","name":"Daily Example"},
              "mainEntityOfPage":{"@id":"https://daily-example.net/rail-strike-ends"}}]}</script>
            </head><body><div><p>The national rail strike ended on Monday after unions accepted a new pay offer from the operators, ending weeks of disruption.</p>
            <p>Services will return to normal by Wednesday, the operators said, although some routes may run reduced timetables until the weekend.</p></div></body></html>
            """;
        using var folder = new TempFolder();
        folder.Write("rail.htm", html);
        var article = Assert.Single(Corpus.Load(folder.Path));
        Assert.Equal("Rail Strike Ends", article.Title);
        Assert.Equal("Daily Example", article.Outlet);
        Assert.Equal("John Roe", article.Author);
        Assert.Equal(new DateOnly(2021, 10, 4), article.Published);
        Assert.Equal(DateSource.JsonLd, article.DateSource);
        Assert.Equal("2021-10-04T06:30:00+01:00", article.PublishedAt);
        Assert.Equal("https://daily-example.net/rail-strike-ends", article.Url);
    }

    [Fact]
    public void JsonLinesWithCommonColumnNames()
    {
        using var folder = new TempFolder();
        folder.Write("feed.jsonl",
            """
            {"id": "a-1", "headline": "First", "body": "One paragraph.\n\nAnother paragraph.", "publish_date": "2022-03-01", "source": {"name": "Russia Today"}, "link": "https://rt.com/x", "byline": ["Ann Lee", "Bo Chan"]}
            {"title": "Second", "content": "Text &amp; more.", "published_at": "March 2, 2022", "outlet": "Example Wire"}

            {"title": "Third", "text": null, "date": "not a date"}
            """);
        var corpus = Corpus.Load(folder.Path);
        Assert.Equal(3, corpus.Count);
        var first = corpus[0];
        Assert.Equal("a-1", first.Id);
        Assert.Equal("First", first.Title);
        Assert.Equal(2, first.Paragraphs.Count);
        Assert.Equal(new DateOnly(2022, 3, 1), first.Published);
        Assert.Equal(DateSource.Metadata, first.DateSource);
        Assert.Equal("RT", first.Outlet);
        Assert.Equal("Ann Lee, Bo Chan", first.Author);
        Assert.Equal("https://rt.com/x", first.Url);
        Assert.Equal("feed#2", corpus[1].Id);
        Assert.Equal(2, corpus[1].Index);
        Assert.Equal("Text & more.", corpus[1].Text);
        Assert.Equal(new DateOnly(2022, 3, 2), corpus[1].Published);
        Assert.Equal("", corpus[2].Text); // a record without a body still loads
        Assert.Null(corpus[2].Published);
        var warning = Assert.Single(corpus.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(4, warning.Line);
    }

    [Fact]
    public void JsonArraysAndObjectsHoldingAnArray()
    {
        using var folder = new TempFolder();
        folder.Write("array.json", """[{"title": "A", "text": "Alpha."}, {"title": "B", "text": "Beta."}]""");
        folder.Write("wrapped.json", """{"status": "ok", "articles": [{"title": "C", "description": "Gamma summary."}]}""");
        folder.Write("single.json", """{"title": "D", "body": "Delta."}""");
        var corpus = Corpus.Load(folder.Path);
        Assert.Equal(["A", "B", "D", "C"], corpus.Select(a => a.Title));
        Assert.Equal("Gamma summary.", corpus[3].Text);
    }

    [Fact]
    public void LargeJsonArraysStreamAndKeepTheRecordsBeforeAnError()
    {
        using var folder = new TempFolder();
        var records = string.Join(",\n", Enumerable.Range(1, 50).Select(i => $"{{\"title\": \"T{i}\", \"text\": \"Text number {i}.\"}}"));
        folder.Write("big.json", "[\n" + records + ",\n{\"title\": oops}\n]");
        var corpus = Corpus.Load(folder.Path, new LoadOptions { MaxPageBytes = 100 }); // over the limit: streamed
        Assert.Equal(50, corpus.Count);
        Assert.Equal("T50", corpus[^1].Title);
        var problem = Assert.Single(corpus.Diagnostics);
        Assert.Equal(52, problem.Line);
        Assert.Contains("rest of the file skipped", problem.Message);
    }

    [Fact]
    public void JsonArrayItemsAcrossReadChunksAllLoad()
    {
        using var folder = new TempFolder();
        var padding = new string('w', 700);
        var records = Enumerable.Range(1, 3000).Select(i => $"{{\"id\": \"r{i}\", \"text\": \"{padding} {i}.\"}}");
        folder.Write("big.json", "[\n" + string.Join(",\n", records) + "\n]\n"); // about 2 MB: several read chunks
        var corpus = Corpus.Load(folder.Path, new LoadOptions { MaxPageBytes = 1000 });
        Assert.Equal(3000, corpus.Count);
        Assert.Equal(Enumerable.Range(1, 3000).Select(i => "r" + i), corpus.Select(a => a.Id));
        Assert.Empty(corpus.Diagnostics);
    }

    [Fact]
    public void CsvInWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var folder = new TempFolder();
        folder.WriteBytes("legacy.csv", Encoding.GetEncoding(1252).GetBytes("title,text\n“Café” reopens,The café reopened on Monday — after a renovation.\n"));
        var article = Assert.Single(Corpus.Load(folder.Path));
        Assert.Equal("“Café” reopens", article.Title);
        Assert.Contains("café reopened on Monday — after", article.Text);
    }

    [Fact]
    public void CsvAndTsvWithHeadersAndQuotedNewlines()
    {
        using var folder = new TempFolder();
        folder.Write("news.csv", "headline,story,pubdate,publisher,url\r\n\"Budget, passed\",\"First paragraph.\n\nSecond, with \"\"quotes\"\".\",2020-01-31,Example Wire,https://example.org/a\r\n");
        folder.Write("news.tsv", "title\ttext\tdate\nTabbed\tTab text.\t2020-02-01\n");
        var corpus = Corpus.Load(folder.Path);
        Assert.Equal(2, corpus.Count);
        var csv = corpus.Single(a => a.File == "news.csv");
        Assert.Equal("Budget, passed", csv.Title);
        Assert.Equal(2, csv.Paragraphs.Count);
        Assert.Contains("\"quotes\"", csv.Text);
        Assert.Equal(new DateOnly(2020, 1, 31), csv.Published);
        Assert.Equal("Example Wire", csv.Outlet);
        Assert.Equal(new DateOnly(2020, 2, 1), corpus.Single(a => a.File == "news.tsv").Published);
    }

    [Fact]
    public void ColumnMappingForUncommonNames()
    {
        using var folder = new TempFolder();
        folder.Write("odd.csv", "doc,hed,copy,when,paper\nx1,Mapped,Mapped text.,01.02.2019,Gazette\n");
        var columns = ColumnMap.Parse("id=doc,title=hed,text=copy,date=when,outlet=paper");
        var article = Assert.Single(Corpus.Load(folder.Path, new LoadOptions { Columns = columns }));
        Assert.Equal("x1", article.Id);
        Assert.Equal("Mapped", article.Title);
        Assert.Equal("Mapped text.", article.Text);
        Assert.Equal(new DateOnly(2019, 2, 1), article.Published); // day first
        Assert.Equal("Gazette", article.Outlet);
        Assert.Throws<FormatException>(() => ColumnMap.Parse("colour=x"));
    }

    public static TheoryData<string, byte[]> Encodings()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "Café “Les Deux Magots” — naïve résumé\n\nThe café reopened on Monday after a long renovation, the owner said.";
        return new TheoryData<string, byte[]>
        {
            { "utf8", new UTF8Encoding(false).GetBytes(text) },
            { "utf8-bom", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] },
            { "utf16le-bom", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)] },
            { "utf16be-bom", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)] },
            { "utf16le", Encoding.Unicode.GetBytes(text) },
            { "windows-1252", Encoding.GetEncoding(1252).GetBytes(text) },
        };
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void DecodesCommonEncodings(string name, byte[] bytes)
    {
        using var folder = new TempFolder();
        folder.WriteBytes(name + ".txt", bytes);
        var corpus = Corpus.Load(folder.Path);
        var article = Assert.Single(corpus);
        Assert.Equal("Café “Les Deux Magots” — naïve résumé", article.Title);
        Assert.StartsWith("The café reopened", article.Text);
    }

    [Fact]
    public void Latin1TextIsDecoded()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("latin1.txt", Encoding.Latin1.GetBytes("Élection à Genève\n\nLes électeurs de Genève ont voté dimanche, a déclaré le président du conseil électoral."));
        var article = Assert.Single(Corpus.Load(folder.Path));
        Assert.Equal("Élection à Genève", article.Title);
    }

    [Fact]
    public void SidecarsOverrideRecoveredMetadata()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Wrong Title\n\n" + Body);
        folder.Write("b.txt", "Another Story\n\n" + Body);
        folder.Write("c.txt", "Third Story\n\n" + Body);
        folder.Write("metadata.csv", "file,title,outlet,published\na.txt,Right Title,Example Post,2020-05-06\n");
        folder.Write("b.txt.meta.json", """{"author": "Sam Poe", "url": "https://example.org/b"}""");
        var explicitFile = folder.Write("../" + Path.GetFileName(folder.Path) + "-meta.jsonl", """{"file": "c.txt", "published": "2001-02-03"}""");
        try
        {
            var corpus = Corpus.Load(folder.Path, new LoadOptions { MetadataFile = explicitFile });
            Assert.Equal(3, corpus.Count); // sidecars are not articles
            var a = corpus.Single(x => x.File == "a.txt");
            Assert.Equal("Right Title", a.Title);
            Assert.Equal("Example Post", a.Outlet);
            Assert.Equal(new DateOnly(2020, 5, 6), a.Published);
            Assert.Equal(DateSource.Metadata, a.DateSource);
            var b = corpus.Single(x => x.File == "b.txt");
            Assert.Equal("Sam Poe", b.Author);
            Assert.Equal("https://example.org/b", b.Url);
            Assert.Equal(new DateOnly(2001, 2, 3), corpus.Single(x => x.File == "c.txt").Published);
        }
        finally
        {
            File.Delete(explicitFile);
        }
    }

    [Fact]
    public void FoldersAreReadRecursivelyAndGlobsFilter()
    {
        using var folder = new TempFolder();
        folder.Write("2024/jan/one.txt", "Story One\n\n" + Body);
        folder.Write("2024/feb/two.md", "# Story Two\n\n" + Body);
        folder.Write("2024/feb/notes.xyz", "not an article");
        folder.Write("README.md", "# About this corpus\n\nThis folder holds the articles collected for the study, one file per article.");
        folder.Write(".hidden/three.txt", "Story Three\n\n" + Body);
        var all = Corpus.Load(folder.Path);
        Assert.Equal(["2024/feb/two.md", "2024/jan/one.txt"], all.Select(a => a.File));
        Assert.Equal(["2024/feb/two", "2024/jan/one"], all.Select(a => a.Id));
        var globbed = Corpus.Load(Path.Combine(folder.Path, "**", "*.txt"));
        Assert.Equal(["2024/jan/one.txt"], globbed.Select(a => a.File));
        var single = Corpus.Load(Path.Combine(folder.Path, "2024", "jan", "one.txt"));
        Assert.Equal("one", Assert.Single(single).Id);
    }

    [Fact]
    public void DataFrameHasTheDocumentedColumns()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Story One\n\nJuly 8, 2024\n\n" + Body);
        var frame = Corpus.Load(folder.Path).ToDataFrame();
        Assert.Equal(["id", "file", "index", "title", "outlet", "site", "author", "published", "published_at", "date_source", "url", "language", "words", "paragraphs", "text"],
            frame.Columns.Select(c => c.Name));
        Assert.Equal(1, frame.Rows.Count);
        Assert.Equal(new DateTime(2024, 7, 8), frame["published"][0]);
        Assert.Equal("explicit", frame["date_source"][0]);
        Assert.Equal(16, frame["words"][0]);
    }
}
