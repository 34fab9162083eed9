using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using NewsLens.Interactive;

namespace NewsLens.Tests.Interactive;

/// <summary>What display(x) shows for the library's values, in the kernel and the runner alike.</summary>
[Collection(NotebookCollection.Name)]
public sealed class FormatterTests
{
    public FormatterTests() => Formatters.Register();

    private static string Html(object value) => Formatter.ToDisplayString(value, "text/html");

    [Fact]
    public void ArticleShowsAsACardWithItsTextEscaped()
    {
        var html = Html(Article.FromText("He wrote <script>alert(1)</script> here.", "a1", title: "A <b>title</b>", outlet: "Reuters"));

        Assert.Contains("newslens-article", html);
        Assert.Contains("A &lt;b&gt;title&lt;/b&gt;", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public void DataFrameShowsAsAPagedTable()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("n", Enumerable.Range(0, 40)), new StringDataFrameColumn("s", Enumerable.Range(0, 40).Select(i => $"<i>{i}</i>")));
        var html = Html(frame);

        Assert.Contains("class=\"newslens-table\"", html);
        Assert.Equal(40 - HtmlTable.PageSize, ReportBrowserTests.CountOf(html, "<tr style=\"display:none\">"));
        Assert.Contains("40 rows × 2 columns", html);
        Assert.Contains("&lt;i&gt;7&lt;/i&gt;", html);
        Assert.Equal("DataFrame: 40 rows × 2 columns (n, s)", Formatter.ToDisplayString(frame, "text/plain"));
    }

    [Fact]
    public void LibraryRecordsAndQueryResultsShowAsTables()
    {
        IReadOnlyList<Diagnostic> diagnostics = [new("a.txt", 3, DiagnosticSeverity.Warning, "no <date>")];
        var query = new[] { 1, 2 }.Select(i => new { actor = "A" + i, mentions = i }).ToList();

        Assert.Contains("<th>Message</th>", Html(diagnostics));
        Assert.Contains("no &lt;date&gt;", Html(diagnostics));
        Assert.Contains("<th>actor</th><th class=\"newslens-num\">mentions</th>", Html(query));
        Assert.Contains("<th>value</th>", Html(new List<string> { "x" }));
    }

    [Fact]
    public void ChartShowsAsAFragmentThatWaitsForPlotly()
    {
        var chart = QuoteCharts.Frequency([new QuotePoint("A", "Outlet", null)]);
        var html = Html(chart);

        Assert.Contains(ChartHtml.Marker, html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.StartsWith("Plotly chart: Most quoted speakers", Formatter.ToDisplayString(chart, "text/plain"));
    }
}
