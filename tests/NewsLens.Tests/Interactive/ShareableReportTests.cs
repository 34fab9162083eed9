using System.Text;
using Microsoft.Data.Analysis;
using NewsLens.Interactive;
using NewsLens.Interactive.Notebooks;
using NewsLens.Interactive.Reports;
using NewsLens.Interactive.Running;

namespace NewsLens.Tests.Interactive;

/// <summary>Reports people share: their own title, author and summary, code hidden on request, shared cells once, data as CSV.</summary>
public sealed class ShareableReportTests
{
    private const string Setup = "#r \"../src/NewsLens.Interactive/bin/Release/net10.0/NewsLens.dll\"\nNewsLens.Interactive.Formatters.Register();";

    private static NotebookRun Run(string name, string heading, string code, string output)
    {
        var notebook = new Notebook { Path = $"/tmp/{name}.ipynb" };
        notebook.Cells.Add(new NotebookCell { Kind = CellKind.Markdown, Source = $"# {heading}\n\nWhat this notebook shows." });
        notebook.Cells.Add(new NotebookCell { Kind = CellKind.Code, Source = Setup });
        var cell = new NotebookCell { Kind = CellKind.Code, Source = code };
        cell.Outputs.Add(new StreamOutput("stdout", output));
        notebook.Cells.Add(cell);
        return new NotebookRun(notebook, [new CellResult(2, CellStatus.Succeeded, TimeSpan.FromSeconds(1)), new CellResult(3, CellStatus.Succeeded, TimeSpan.FromSeconds(1))],
            DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(2), new Dictionary<string, string>());
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            n++;
        return n;
    }

    [Fact]
    public void TitleAuthorAndSummaryHeadThePageAndTheTitleShowsOnce()
    {
        var html = HtmlReport.Render([Run("01-corpus", "The corpus", "Console.WriteLine(1);", "1")],
            new ReportOptions { Author = "Desk <B>", Summary = "Five pages, **2017–2025**." });

        Assert.Equal(1, Count(html, ">The corpus</h1>"));                  // the notebook's heading is the page title, once
        Assert.Contains("<p class=\"report-author\">Desk &lt;B&gt;</p>", html);
        Assert.Contains("<strong>2017–2025</strong>", html);

        var titled = HtmlReport.Render([Run("01-corpus", "The corpus", "Console.WriteLine(1);", "1")], new ReportOptions { Title = "France and Russia" });
        Assert.Contains("<title>France and Russia</title>", titled);
        Assert.Contains(">The corpus</h1>", titled);                        // a different title keeps the notebook's heading
    }

    [Fact]
    public void NoInputHidesCodeAndKeepsOutputs()
    {
        var html = HtmlReport.Render([Run("01-corpus", "The corpus", "Console.WriteLine(\"forty-two\");", "forty-two")], new ReportOptions { HideInput = true });

        Assert.DoesNotContain("<pre class=\"source\"", html);
        Assert.DoesNotContain("Formatters.Register", html);
        Assert.Contains(">forty-two</pre>", html);
    }

    [Fact]
    public void TheSetupCellSharedByEveryNotebookShowsOnce()
    {
        var html = HtmlReport.Render(
            [Run("01-corpus", "The corpus", "Console.WriteLine(1);", "1"), Run("02-quotes", "Quotes", "Console.WriteLine(2);", "2")],
            new ReportOptions { Title = "NewsLens report: seeds" });

        Assert.Equal(3, Count(html, "<pre class=\"source\""));           // setup + code, then the second notebook's code only
        Assert.Contains(">1</pre>", html);
        Assert.Contains(">2</pre>", html);
        Assert.Equal(1, Count(html, "NewsLens report: seeds</h1>"));
    }

    [Fact]
    public void TablesLongerThanAPageCarryTheirFullDataAsCsv()
    {
        var (maxRows, pageSize) = (HtmlTable.MaxRows, HtmlTable.PageSize);
        var frame = new DataFrame(
            new Int32DataFrameColumn("n", Enumerable.Range(1, 40)),
            new StringDataFrameColumn("text", Enumerable.Range(1, 40).Select(i => i == 7 ? "quoted, \"with\" comma" : $"row {i}")));
        var html = HtmlTable.Of(frame);
        var small = HtmlTable.Of(new DataFrame(new Int32DataFrameColumn("n", [1, 2])));

        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"data:text/csv;charset=utf-8;base64,([A-Za-z0-9+/=]+)\"", System.Text.RegularExpressions.RegexOptions.NonBacktracking);
        Assert.True(link.Success);
        var csv = Encoding.UTF8.GetString(Convert.FromBase64String(link.Groups[1].Value)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(41, csv.Length);
        Assert.Equal("n,text", csv[0]);
        Assert.Equal("7,\"quoted, \"\"with\"\" comma\"", csv[7]);
        Assert.Contains("all 40 rows as CSV</a>", html);
        Assert.DoesNotContain("as CSV", small);
        Assert.Equal((500, 15), (maxRows, pageSize));
    }
}
