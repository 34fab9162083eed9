using NewsLens.Cli.Commands;
using Xunit.Abstractions;

namespace NewsLens.Tests.Interactive;

/// <summary>The report of the sample corpus plus one article holding script text, written once for the report tests.</summary>
public sealed class SeedsReport : IDisposable
{
    public const string Hostile = "<script>document.documentElement.setAttribute('data-pwned','yes')</script>";

    internal NotebookFiles Files { get; } = new();

    public string Path { get; }

    public int Code { get; }

    public string Error { get; }

    public SeedsReport()
    {
        var hostile = Files.Text("hostile.txt",
            $"Hostile markup in the news\n\nA reporter pasted {Hostile} into the body of an article about Moscow.\n\n"
            + "\"We will look into it,\" the editor said on Tuesday.\n");
        Path = Files.Path("report.html");
        (Code, Error) = ReportCommandTests.Capture(() => ReportCommand.Run([TestPaths.Seeds, hostile], new FileInfo(Path), TimeSpan.FromMinutes(2)));
    }

    public void Dispose() => Files.Dispose();
}

/// <summary>`newslens report` on the sample corpus (plus one article holding script text), checked in headless Chromium.</summary>
[Collection(NotebookCollection.Name)]
public sealed class ReportCommandTests(SeedsReport seeds, ITestOutputHelper output) : IClassFixture<SeedsReport>, IDisposable
{
    private readonly NotebookFiles _files = new();

    public void Dispose() => _files.Dispose();

    private const string Hostile = SeedsReport.Hostile;

    private string WriteReport()
    {
        Assert.True(seeds.Code == NotebookCommand.Ok, seeds.Error);
        output.WriteLine($"report: {new FileInfo(seeds.Path).Length / 1024.0 / 1024.0:0.00} MB");
        return seeds.Path;
    }

    internal static (int Code, string Error) Capture(Func<int> action)
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            return (action(), error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    [Fact]
    public void ReportEmbedsPlotlyOnceAndEscapesArticleText()
    {
        var html = File.ReadAllText(WriteReport());

        Assert.Equal(1, ReportBrowserTests.CountOf(html, "plotly.js v2"));
        Assert.True(ReportBrowserTests.CountOf(html, NewsLens.Interactive.ChartHtml.Marker) >= 13);
        Assert.DoesNotContain(Hostile, html);
        Assert.Contains("class=\"toc\"", html);
    }

    [Fact]
    public void ReportCarriesTheTableStylesheetOnceAndTablesReadByColumnKind()
    {
        var html = File.ReadAllText(WriteReport());
        var tables = ReportBrowserTests.CountOf(html, "<div class=\"newslens-table\"");

        Assert.True(tables >= 10, $"{tables} tables");
        Assert.Equal(1, ReportBrowserTests.CountOf(html, ".newslens-table{"));
        Assert.Equal(tables, ReportBrowserTests.CountOf(html, "<div class=\"newslens-scroll\"><table><thead>"));
        Assert.Contains("<td class=\"newslens-text\"", html);
        Assert.Contains("<td class=\"newslens-num\"", html);
    }

    [ToolFact("chromium")]
    public void ReportOfTheSeedsDrawsEveryChartInChromiumWithoutConsoleMessages()
    {
        var report = WriteReport();
        var charts = ReportBrowserTests.CountOf(File.ReadAllText(report), "<div class=\"newslens-chart\"");
        var (dom, console) = ReportBrowserTests.Open(report, _files.Directory);

        Assert.True(console.Length == 0, string.Join("\n", console));
        Assert.Equal(charts, ReportBrowserTests.DrawnCharts(dom));
        Assert.DoesNotContain("data-pwned=\"", dom);
        Assert.Contains("&lt;script&gt;document.documentElement", dom);
    }

    [Fact]
    public void MissingCorpusPathExitsTwoWithoutAReport()
    {
        var (code, error) = Capture(() => ReportCommand.Run([_files.Path("nowhere")], new FileInfo(_files.Path("r.html")), TimeSpan.FromMinutes(1)));

        Assert.Equal(2, code);
        Assert.Contains("nowhere: no such file or folder", error);
        Assert.Contains("no article loaded", error);
        Assert.False(File.Exists(_files.Path("r.html")));
    }
}
