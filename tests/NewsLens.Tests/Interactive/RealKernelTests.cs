using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace NewsLens.Tests.Interactive;

/// <summary>
/// The notebooks as a user runs them: in the real .NET Interactive kernels (dotnet-repl, and Jupyter's .NET kernel through
/// nbconvert), not in the project's own runner. Any error output fails, and so does a chart cell without a plotly.js chart.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class RealKernelTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("newslens-kernel-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    /// <summary>A cell that calls one of the library's chart helpers (CorpusCharts, QuoteCharts, ActorCharts, SentimentCharts…).</summary>
    private static readonly Regex ChartCall = new(@"\b[A-Z]\w*Charts\.[A-Z]\w*\s*\(", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(TestPaths.Notebooks, "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [KernelTheory]
    [MemberData(nameof(Notebooks))]
    public void NotebookRunsInDotnetReplWithoutErrorsAndEveryChartCellShowsAPlotlyChart(string name)
    {
        KernelTools.EnsureLibraryBuilt();
        var executed = Path.Combine(_scratch, name);
        var clock = Stopwatch.StartNew();
        // Run from the notebook's folder, as VS Code does: relative paths in cells mean the same.
        var (code, stdout, stderr) = ExternalTools.Run("dotnet",
            ["tool", "run", "dotnet-repl", "--", "--run", name, "--exit-after-run", "--output-path", executed],
            TimeSpan.FromMinutes(5), TestPaths.Notebooks);
        output.WriteLine($"dotnet-repl {name}: exit {code} in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(File.Exists(executed), $"dotnet-repl wrote no notebook (exit {code}):\n{stdout}\n{stderr}");
        var cells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray()
            .Where(c => c!["cell_type"]!.GetValue<string>() == "code")
            .Select(c => (Source: Text(c!["source"]), Outputs: c!["outputs"]?.AsArray() ?? []))
            .ToList();
        var errors = cells.SelectMany((c, i) => c.Outputs
                .Where(o => o!["output_type"]!.GetValue<string>() == "error" || (o["output_type"]!.GetValue<string>() == "stream" && o["name"]?.GetValue<string>() == "stderr"))
                .Select(o => $"cell {i + 1}: {o!["ename"]?.GetValue<string>()} {o["evalue"]?.GetValue<string>() ?? Text(o["text"])}"))
            .ToList();
        var chartCells = cells.Select((c, i) => (c, Number: i + 1)).Where(x => ChartCall.IsMatch(x.c.Source)).ToList();
        var withoutChart = chartCells.Where(x => !x.c.Outputs.Any(o => Text(o!["data"]?["text/html"]).Contains("Plotly.newPlot(", StringComparison.Ordinal)))
            .Select(x => x.Number).ToList();
        output.WriteLine($"{cells.Count} code cells, {chartCells.Count} chart cells, {errors.Count} error outputs, {withoutChart.Count} chart cells without a chart");

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(withoutChart.Count == 0, $"chart cells without a plotly chart: {string.Join(", ", withoutChart)}");
        Assert.Equal(0, code);
        if (chartCells.Count > 0)
        {
            // Offline: plotly.js itself rides along with the first chart, once per notebook.
            var all = string.Concat(cells.SelectMany(c => c.Outputs).Select(o => Text(o!["data"]?["text/html"])));
            Assert.Equal(1, Regex.Count(all, "plotly.js v2", RegexOptions.NonBacktracking));
        }
    }

    [KernelFact("nbconvert")]
    public void NotebookRendersThroughJupyterNbconvertWithTheDotnetInteractiveKernel()
    {
        KernelTools.EnsureLibraryBuilt();
        Assert.Null(KernelTools.RegisterJupyterKernel());
        const string name = "01-corpus.ipynb";
        var source = File.ReadAllText(Path.Combine(TestPaths.Notebooks, name));
        var charts = JsonNode.Parse(source)!["cells"]!.AsArray().Count(c => c!["cell_type"]!.GetValue<string>() == "code" && ChartCall.IsMatch(Text(c["source"])));

        var clock = Stopwatch.StartNew();
        // Without --allow-errors nbconvert stops with a non-zero exit at the first cell that fails.
        var (code, stdout, stderr) = ExternalTools.Run(ExternalTools.NbConvert!,
            ["--execute", "--to", "html", "--output-dir", _scratch, "--ExecutePreprocessor.timeout=300", name],
            TimeSpan.FromMinutes(8), TestPaths.Notebooks);
        output.WriteLine($"nbconvert {name}: exit {code} in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(code == 0, stdout + stderr);
        var html = File.ReadAllText(Path.Combine(_scratch, Path.ChangeExtension(name, ".html")));
        Assert.DoesNotContain("data-mime-type=\"application/vnd.jupyter.stderr\"", html);
        var drawn = Regex.Count(html, "Plotly\\.newPlot\\('newslens-chart-", RegexOptions.NonBacktracking);
        output.WriteLine($"{charts} chart cells, {drawn} charts in the page, {html.Length:N0} characters");
        Assert.True(charts > 0);
        Assert.Equal(charts, drawn);
        Assert.Equal(1, Regex.Count(html, "plotly.js v2", RegexOptions.NonBacktracking));
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        _ => node.GetValue<string>(),
    };
}
