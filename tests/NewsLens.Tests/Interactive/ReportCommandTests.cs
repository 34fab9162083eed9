using NewsLens.Cli.Commands;
using Xunit.Abstractions;

namespace NewsLens.Tests.Interactive;

/// <summary>`newslens report` on the sample corpus (plus one article holding script text), checked in headless Chromium.</summary>
[Collection(NotebookCollection.Name)]
public sealed class ReportCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly NotebookFiles _files = new();

    public void Dispose() => _files.Dispose();

    private const string Hostile = "<script>document.documentElement.setAttribute('data-pwned','yes')</script>";

    private string WriteReport()
    {
        var hostile = _files.Text("hostile.txt",
            $"Hostile markup in the news\n\nA reporter pasted {Hostile} into the body of an article about Moscow.\n\n"
            + "\"We will look into it,\" the editor said on Tuesday.\n");
        var report = _files.Path("report.html");
        var (code, error) = Capture(() => ReportCommand.Run([TestPaths.Seeds, hostile], new FileInfo(report), TimeSpan.FromMinutes(2)));
        Assert.True(code == NotebookCommand.Ok, error);
        output.WriteLine($"report: {new FileInfo(report).Length / 1024.0 / 1024.0:0.00} MB");
        return report;
    }

    private static (int Code, string Error) Capture(Func<int> action)
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
    public void MissingCorpusPathExitsOne()
    {
        var (code, error) = Capture(() => ReportCommand.Run([_files.Path("nowhere")], new FileInfo(_files.Path("r.html")), TimeSpan.FromMinutes(1)));

        Assert.Equal(NotebookCommand.CannotRun, code);
        Assert.Contains("nowhere: no such file or folder", error);
        Assert.False(File.Exists(_files.Path("r.html")));
    }
}
