using NewsLens.Interactive.Reports;
using NewsLens.Interactive.Running;

namespace NewsLens.Tests.Interactive;

/// <summary>Opens reports in headless Chromium: charts must draw (Plotly's SVG present) offline, with no console messages,
/// and article text holding &lt;script&gt; must show as text and never run.</summary>
[Collection(NotebookCollection.Name)]
public sealed class ReportBrowserTests : IDisposable
{
    private readonly NotebookFiles _files = new();

    public void Dispose() => _files.Dispose();

    internal static (string Dom, string[] Console) Open(string htmlPath, string scratch)
    {
        var profile = Path.Combine(scratch, "chromium-profile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var (code, dom, log) = ExternalTools.Run(ExternalTools.Chromium!,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            $"--user-data-dir={profile}", "--virtual-time-budget=10000", "--enable-logging=stderr", "--v=0",
            "--dump-dom", new Uri(htmlPath).AbsoluteUri,
        ], TimeSpan.FromSeconds(90));
        Assert.True(code == 0, log);
        var console = log.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToArray();
        return (dom, console);
    }

    [ToolFact("chromium")]
    public void ChartsDrawOfflineAndScriptTextInDataNeverRuns()
    {
        const string hostile = "<script>document.documentElement.setAttribute('data-pwned','yes')</script>";
        var notebook = _files.Ipynb("hostile.ipynb",
            "md:# Hostile data\n\n<script>document.documentElement.setAttribute('data-pwned','md')</script>",
            "#r \"NewsLens.dll\"\n#r \"Plotly.NET.dll\"\n#r \"Microsoft.Data.Analysis.dll\"",
            $"var text = {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(hostile, true)};\n" +
            "display(NewsLens.Article.FromText(\"Before \" + text + \" after.\", \"a1\", title: text));\n" +
            "display(new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.StringDataFrameColumn(\"text\", new[] { text })));\n" +
            "Console.WriteLine(text);",
            "NewsLens.CorpusCharts.Outlets(new[] { NewsLens.Article.FromText(\"One.\", \"a1\", outlet: text), NewsLens.Article.FromText(\"Two.\", \"a2\", outlet: \"b\") })",
            "NewsLens.CorpusCharts.OverTime(new[] { NewsLens.Article.FromText(\"One.\", \"a1\", published: new DateOnly(2024, 1, 2), outlet: text) })");
        var run = NotebookRunner.Run(notebook);
        Assert.True(run.Succeeded, run.FirstFailure?.Error);
        var report = _files.Path("hostile.html");
        HtmlReport.Write(report, [run]);

        var html = File.ReadAllText(report);
        Assert.Equal(1, CountOf(html, "plotly.js v2"));
        var (dom, console) = Open(report, _files.Directory);

        Assert.True(console.Length == 0, string.Join("\n", console));
        Assert.Equal(2, DrawnCharts(dom));
        Assert.DoesNotContain("data-pwned=\"", dom);
        Assert.Contains("&lt;script&gt;document.documentElement", dom);
    }

    /// <summary>Charts Plotly has drawn: a plot container holding its SVG.</summary>
    internal static int DrawnCharts(string dom) =>
        dom.Split("class=\"plot-container plotly\"").Skip(1).Count(part => part.Contains("<svg class=\"main-svg\"", StringComparison.Ordinal));

    internal static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
