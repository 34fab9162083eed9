using System.Text.Json;
using Xunit.Abstractions;

namespace NewsLens.Tests.CorpusLoading; // not ".Corpus": that would hide the Corpus type from every other test namespace

/// <summary>What the cleaner left out of scraped pages, and why (<see cref="LoadOptions.RecordRemovedLines"/>).</summary>
public class RemovedLinesTests(ITestOutputHelper output)
{
    private const string P1 = "The city council approved the new budget on Tuesday after a long debate, the mayor said in a statement.";
    private const string P2 = "\"This budget puts residents first,\" the mayor told reporters outside the town hall.";
    private const string P3 = "Opposition members criticised the plan, saying it raised taxes without improving local services.";

    // One line of each kind, blank lines between (line numbers are 2k+1).
    private static readonly string[] Page =
    [
        "Skip to content",                                  // 1
        "Menu",                                             // 3
        "# Council Passes Budget",                          // 5
        "By Jane Doe",                                      // 7
        "March 3, 2023",                                    // 9
        P1,                                                 // 11
        "Photo: John Smith / City Hall",                    // 13
        "Subscribe to our newsletter for daily updates",    // 15
        P2,                                                 // 17
        "Read more: Mayor unveils new park plan",           // 19
        P1,                                                 // 21
        P3,                                                 // 23
        "![](https://example-news.org/img/budget.jpg)",     // 25
        "Related stories",                                  // 27
        "https://example-news.org/2023/03/03/council-budget", // 29
    ];

    private static Corpus LoadPage(LoadOptions options)
    {
        using var folder = new TempFolder();
        folder.Write("page.md", string.Join("\n\n", Page) + "\n");
        return Corpus.Load(folder.Path, options);
    }

    [Theory]
    [InlineData(1, RemovalReason.Boilerplate)] // navigation
    [InlineData(3, RemovalReason.Boilerplate)] // menu
    [InlineData(5, RemovalReason.Title)]
    [InlineData(7, RemovalReason.Byline)]
    [InlineData(9, RemovalReason.Date)]
    [InlineData(13, RemovalReason.Caption)] // photo credit
    [InlineData(15, RemovalReason.Boilerplate)] // subscribe prompt
    [InlineData(19, RemovalReason.Teaser)]
    [InlineData(21, RemovalReason.Duplicate)]
    [InlineData(25, RemovalReason.Markup)]
    [InlineData(27, RemovalReason.AfterEnd)]
    [InlineData(29, RemovalReason.Url)]
    public void EachLeftOutLineIsReportedWithItsReason(int line, RemovalReason reason)
    {
        var corpus = LoadPage(new LoadOptions { RecordRemovedLines = true });
        var removed = Assert.Single(corpus.RemovedLines, r => r.Line == line);
        Assert.Equal(reason, removed.Reason);
        Assert.Equal("page.md", removed.File);
        Assert.Equal(Page[(line - 1) / 2], removed.Text);
        Assert.Equal(reason >= RemovalReason.Title, removed.Used);
    }

    [Fact]
    public void KeptLinesAreNotReportedAndTheArticleIsUnchanged()
    {
        var recorded = LoadPage(new LoadOptions { RecordRemovedLines = true });
        var plain = LoadPage(new LoadOptions());
        Assert.Empty(plain.RemovedLines);
        var article = Assert.Single(recorded);
        var same = Assert.Single(plain);
        Assert.Equal((same.Title, same.Author, same.Published, same.Url, same.Text), (article.Title, article.Author, article.Published, article.Url, article.Text));
        Assert.Equal([P1, P2, P3], article.Text.Split("\n\n"));
        Assert.Equal([1, 3, 5, 7, 9, 13, 15, 19, 21, 25, 27, 29], recorded.RemovedLines.Select(r => r.Line));
    }

    [Fact]
    public void DataFrameHasOneRowPerLineAndASummaryByReason()
    {
        var corpus = LoadPage(new LoadOptions { RecordRemovedLines = true });
        var frame = RemovedLine.ToDataFrame(corpus.RemovedLines);
        Assert.Equal(RemovedLine.Columns, frame.Columns.Select(c => c.Name));
        Assert.Equal(corpus.RemovedLines.Count, frame.Rows.Count);
        Assert.Equal("subheading", RemovedLine.Name(RemovalReason.Subheading));
        Assert.Equal("after_end", frame["reason"][10]);

        var summary = RemovedLine.Summary(corpus.RemovedLines);
        var boilerplate = summary.Rows.Single(r => (string)r[1] == "boilerplate");
        Assert.Equal(3, boilerplate[3]);
        Assert.Equal(false, boilerplate[2]);
    }

    [Fact]
    public void StreamingReportsTheSameLines()
    {
        var streamed = new List<RemovedLine>();
        var corpus = LoadPage(new LoadOptions { RecordRemovedLines = true, OnRemovedLine = streamed.Add });
        Assert.Equal(corpus.RemovedLines, streamed);
    }

    [Fact]
    public void EveryGoldBoilerplateExampleOfTheSeedsIsRemovedOrUsed()
    {
        var corpus = Corpus.Load(TestPaths.Seeds, new LoadOptions { RecordRemovedLines = true });
        var byFile = corpus.RemovedLines.ToLookup(r => r.File);
        int examples = 0, missing = 0;
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.Gold, "seeds.articles.jsonl")).Where(l => l.Trim().Length > 0))
        {
            var gold = JsonDocument.Parse(line).RootElement;
            var file = gold.GetProperty("file").GetString()!;
            foreach (var example in gold.GetProperty("boilerplate_examples").EnumerateArray().Select(e => Squash(e.GetString()!)))
            {
                examples++;
                if (byFile[file].Any(r => Squash(r.Text).Contains(example, StringComparison.Ordinal)
                    || Squash(ScrapedPageParser.CleanInline(r.Text)).Contains(example, StringComparison.Ordinal)))
                    continue;
                missing++;
                output.WriteLine($"not reported: {file}: {example}");
            }
        }

        var summary = RemovedLine.Summary(corpus.RemovedLines);
        output.WriteLine($"{examples} gold boilerplate examples, {missing} not among the removed/used lines; {corpus.RemovedLines.Count} lines reported in {summary.Rows.Count} file/reason groups");
        Assert.Equal(0, missing);
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
}
