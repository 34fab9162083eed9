using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;
using NewsLens.Interactive;
using NewsLens.Interactive.Notebooks;
using Xunit.Abstractions;

namespace NewsLens.Tests.Interactive;

/// <summary>How tables read: long text wraps at a reading width, numbers align right, ids and dates stay on one line, the
/// header stays in view inside a scroll box, and the stylesheet suits any page (report, VS Code light or dark).</summary>
public sealed class HtmlTableTests(ITestOutputHelper output)
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

    /// <summary>
    /// Laid out by Chromium at a laptop's width: a table that fits does not scroll sideways, a wide one does; long text wraps
    /// within a reading width while ids stay on one line; numbers sit right; the header stays at the top of its box when the
    /// rows scroll under it.
    /// </summary>
    [ToolFact("chromium")]
    public void InChromiumTablesFitWrapAlignAndKeepTheirHeaderInView()
    {
        var narrow = new DataFrame(
            new StringDataFrameColumn("a", Enumerable.Range(0, 20).Select(i => $"Actor {i}")),
            new StringDataFrameColumn("b", Enumerable.Range(0, 20).Select(i => i == 3 ? "A ministry with a rather long official name" : $"Other {i}")),
            new Int32DataFrameColumn("count", Enumerable.Range(0, 20)),
            new DoubleDataFrameColumn("npmi", Enumerable.Range(0, 20).Select(i => i / 7.0)));
        var wide = QuotesLike(40);
        foreach (var name in new[] { "file", "speaker_mention", "resolution", "cue", "kind", "end", "sentence" })
            wide.Columns.Add(new StringDataFrameColumn(name, Enumerable.Range(0, 40).Select(i => $"{name}_{i:x12}")));
        wide.Columns.Add(new StringDataFrameColumn("context", Enumerable.Range(0, 40).Select(i => $"{i}: {LongQuote}")));
        var script = """
            var r = {}, boxes = document.querySelectorAll('.newslens-scroll'), narrow = boxes[0], wide = boxes[1];
            r.narrowScrolls = narrow.scrollWidth > narrow.clientWidth;
            r.wideScrolls = wide.scrollWidth > wide.clientWidth;
            var text = wide.querySelectorAll('tbody tr')[1].querySelector('td.newslens-text'), id = wide.querySelector('tbody td');
            var probe = document.createElement('span'); probe.textContent = '0000000000'; text.appendChild(probe);
            var ch = probe.getBoundingClientRect().width / 10; probe.remove();
            var line = parseFloat(getComputedStyle(text).lineHeight);
            r.textWidthCh = text.clientWidth / ch;
            r.textLines = Math.round((text.clientHeight - parseFloat(getComputedStyle(text).paddingTop) - parseFloat(getComputedStyle(text).paddingBottom)) / line);
            r.idOneLine = id.scrollHeight <= id.clientHeight && getComputedStyle(id).whiteSpace === 'nowrap';
            r.numberAlign = getComputedStyle(wide.querySelector('td.newslens-num')).textAlign;
            r.wideScrollsDown = wide.scrollHeight > wide.clientHeight;
            wide.scrollTop = 300;
            r.scrolledBy = wide.scrollTop;
            r.headerOffset = Math.round(wide.querySelector('thead th').getBoundingClientRect().top - wide.getBoundingClientRect().top);
            document.body.setAttribute('data-result', JSON.stringify(r));
            """;
        var page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + HtmlTable.StyleElement() + "</head>"
            + "<body style=\"margin:0;font-family:sans-serif\"><div style=\"width:1050px\">" + HtmlTable.Of(narrow) + HtmlTable.Of(wide)
            + "</div><script>" + script + "</script></body></html>";
        using var files = new NotebookFiles();
        var path = files.Text("tables.html", page);
        var (code, dom, log) = ExternalTools.Run(ExternalTools.Chromium!,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={files.Path("profile")}", "--window-size=1366,900",
            "--dump-dom", new Uri(path).AbsoluteUri,
        ], TimeSpan.FromSeconds(90));
        Assert.True(code == 0, log);
        var json = System.Net.WebUtility.HtmlDecode(Regex.Match(dom, "data-result=\"(?<r>[^\"]*)\"", RegexOptions.NonBacktracking).Groups["r"].Value);
        using var result = System.Text.Json.JsonDocument.Parse(json);
        var r = result.RootElement;
        output.WriteLine(json);

        Assert.False(r.GetProperty("narrowScrolls").GetBoolean());
        Assert.True(r.GetProperty("wideScrolls").GetBoolean());
        Assert.InRange(r.GetProperty("textWidthCh").GetDouble(), HtmlTable.TextMinWidth - 1, HtmlTable.TextMaxWidth + 4);
        Assert.InRange(r.GetProperty("textLines").GetInt32(), 2, 5);
        Assert.True(r.GetProperty("idOneLine").GetBoolean());
        Assert.Equal("right", r.GetProperty("numberAlign").GetString());
        Assert.True(r.GetProperty("wideScrollsDown").GetBoolean());
        Assert.InRange(r.GetProperty("headerOffset").GetInt32(), -1, 2);
        Assert.True(r.GetProperty("scrolledBy").GetInt32() > 0);
    }

    private static string Render(IReadOnlyList<IReadOnlyList<object?>> rows) =>
        HtmlTable.Render(rows[0].Select((_, i) => $"c{i}").ToList(), rows, rows.Count);
}
