using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;
using NewsLens.Interactive;
using NewsLens.Interactive.Notebooks;

namespace NewsLens.Tests.Interactive;

/// <summary>How tables read: long text wraps at a reading width, numbers align right, ids and dates stay on one line, the
/// header stays in view inside a scroll box, and the stylesheet suits any page (report, VS Code light or dark).</summary>
public sealed class HtmlTableTests
{
    private const string LongQuote = "So far, we have not seen such a clearly expressed political will to restore relations, the spokesman said.";

    private static DataFrame QuotesLike(int rows = 3) => new(
        new StringDataFrameColumn("article", Enumerable.Range(0, rows).Select(i => $"000_{i:x16}")),
        new StringDataFrameColumn("speaker", Enumerable.Range(0, rows).Select(i => i % 2 == 0 ? "Dmitry Peskov" : "Marine Le Pen")),
        new StringDataFrameColumn("quote", Enumerable.Range(0, rows).Select(i => i == 1 ? LongQuote : "short one")),
        new PrimitiveDataFrameColumn<DateTime>("published", Enumerable.Range(0, rows).Select(i => new DateTime(2024, 7, 1).AddDays(i))),
        new Int32DataFrameColumn("start", Enumerable.Range(0, rows).Select(i => i * 100)),
        new DoubleDataFrameColumn("confidence", Enumerable.Range(0, rows).Select(i => 0.5 + i / 10.0)));

    /// <summary>The class attribute (or "") of each cell in the first body row, in column order.</summary>
    private static string[] FirstRowClasses(string html)
    {
        var body = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..];
        var row = body[..body.IndexOf("</tr>", StringComparison.Ordinal)];
        return Regex.Matches(row, "<td(?: class=\"(?<c>[^\"]*)\")?[ >]", RegexOptions.NonBacktracking).Select(m => m.Groups["c"].Value).ToArray();
    }

    private static string[] HeaderClasses(string html)
    {
        var head = html[html.IndexOf("<thead>", StringComparison.Ordinal)..html.IndexOf("</thead>", StringComparison.Ordinal)];
        return Regex.Matches(head, "<th(?: class=\"(?<c>[^\"]*)\")?[ >]", RegexOptions.NonBacktracking).Select(m => m.Groups["c"].Value).ToArray();
    }

    [Fact]
    public void LongTextWrapsNumbersAlignRightAndIdsNamesAndDatesStayOnOneLine()
    {
        var html = HtmlTable.Of(QuotesLike());

        // article, speaker, quote, published, start, confidence
        Assert.Equal(["", "", "newslens-text", "", "newslens-num", "newslens-num"], FirstRowClasses(html));
        Assert.Equal(["", "", "newslens-text", "", "newslens-num", "newslens-num"], HeaderClasses(html));
    }

    [Fact]
    public void EveryPageOfAColumnReadsTheSameWay()
    {
        // The long quote is on row 2 only; the first row's short quote is still laid out as text.
        var html = HtmlTable.Of(QuotesLike(40));

        Assert.Equal("newslens-text", FirstRowClasses(html)[2]);
        Assert.Equal(40, Regex.Matches(html, "<td class=\"newslens-text\"", RegexOptions.NonBacktracking).Count);
        Assert.Equal(40 - HtmlTable.PageSize, ReportBrowserTests.CountOf(html, "<tr style=\"display:none\">"));
    }

    [Theory]
    [InlineData(new object[] { 1, 2L, 3.5 }, "Number")]
    [InlineData(new object[] { 1.0, double.NaN }, "Number")]
    [InlineData(new object[] { "12", "13" }, "Short")]
    [InlineData(new object[] { "Russian Foreign Ministry", "TASS" }, "Short")]
    [InlineData(new object[] { "https://www.example.org/news/2024/07/08/a-rather-long-article-address" }, "Text")]
    [InlineData(new object[] { 3, "a title long enough to be worth wrapping, surely" }, "Text")]
    [InlineData(new object[] { true, false }, "Short")]
    public void ColumnKindFollowsItsValues(object[] values, string expected)
    {
        var rows = values.Select(v => (IReadOnlyList<object?>)[v]).ToList();

        Assert.Equal(expected, HtmlTable.ColumnKinds(1, rows).Kinds[0].ToString());
    }

    [Fact]
    public void EmptyAndAllMissingColumnsStayShort()
    {
        Assert.Equal(HtmlTable.ColumnKind.Short, HtmlTable.ColumnKinds(1, []).Kinds[0]);
        Assert.Equal(HtmlTable.ColumnKind.Short, HtmlTable.ColumnKinds(1, [[null], [null]]).Kinds[0]);
    }

    [Fact]
    public void TextColumnsAreAsWideAsTheirTextUpToAReadingMeasure()
    {
        IReadOnlyList<IReadOnlyList<object?>> rows = [[new string('a', 40), new string('b', 400)]];
        var (_, widths) = HtmlTable.ColumnKinds(2, rows);

        Assert.Equal(40, widths[0]);
        Assert.Equal(HtmlTable.TextMaxWidth, widths[1]);
        Assert.InRange(HtmlTable.TextMaxWidth, 40, 60);
        Assert.Contains($"width:{HtmlTable.TextMaxWidth}ch", Render(rows));
    }

    [Fact]
    public void HeaderIsATheadInsideAScrollBoxAndLongValuesKeepTheirFullTextInTheTooltip()
    {
        var html = HtmlTable.Of(QuotesLike());

        Assert.Matches("<div class=\"newslens-scroll\"><table><thead><tr><th", html);
        Assert.Contains($"title=\"{LongQuote}\"", html.Replace("&#39;", "'", StringComparison.Ordinal));
        Assert.Contains(LongQuote[..HtmlTable.MaxCellLength] + "…", html);
    }

    [Fact]
    public void StylesheetKeepsTheHeaderInViewWrapsTextAndTakesItsColoursFromThePage()
    {
        var css = HtmlTable.Css;

        Assert.Matches(@"thead th\{[^}]*position:sticky;top:0", css);
        Assert.Matches(@"\.newslens-scroll\{[^}]*max-height:[^}]*overflow:auto", css);
        Assert.Matches(@"\.newslens-num\{[^}]*text-align:right", css);
        Assert.Matches(@"td\.newslens-text\{[^}]*white-space:normal", css);
        Assert.Matches(@"th,\.newslens-table td\{[^}]*white-space:nowrap", css);
        Assert.Contains("@media print", css);
        // Light or dark: no fixed white or black, the sticky header takes the editor's (or the page's) background.
        Assert.DoesNotMatch(@"#fff|:white|#000\b|:black", css);
        Assert.Contains("var(--vscode-editor-background", css);
        Assert.Contains("color:inherit", css);
    }

    [Fact]
    public void SavedNotebookTablesCarryTheStylesheetOnceEvenWhenSavedAgain()
    {
        var notebook = new Notebook { Path = "t.ipynb", Metadata = NotebookWriter.DefaultMetadata() };
        var cell = new NotebookCell { Kind = CellKind.Code, Source = "frame" };
        cell.Outputs.Add(new DisplayOutput(new Dictionary<string, string> { ["text/html"] = HtmlTable.Of(QuotesLike()) }));
        cell.Outputs.Add(new DisplayOutput(new Dictionary<string, string> { ["text/html"] = "<b>not a table</b>" }));
        notebook.Cells.Add(cell);

        var once = NotebookWriter.ToJson(notebook, embedPlotly: false);
        var html = (string)System.Text.Json.Nodes.JsonNode.Parse(once)!["cells"]![0]!["outputs"]![0]!["data"]!["text/html"]!.AsArray()
            .Aggregate("", (all, line) => all + line!.GetValue<string>());
        cell.Outputs[0] = new DisplayOutput(new Dictionary<string, string> { ["text/html"] = html });
        var twice = NotebookWriter.ToJson(notebook, embedPlotly: false);

        Assert.Equal(1, ReportBrowserTests.CountOf(once, ".newslens-table{"));
        Assert.Equal(1, ReportBrowserTests.CountOf(twice, ".newslens-table{"));
    }

    private static string Render(IReadOnlyList<IReadOnlyList<object?>> rows) =>
        HtmlTable.Render(rows[0].Select((_, i) => $"c{i}").ToList(), rows, rows.Count);
}
