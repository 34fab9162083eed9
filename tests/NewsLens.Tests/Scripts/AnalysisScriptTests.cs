using Xunit.Abstractions;

namespace NewsLens.Tests.Scripts;

/// <summary>
/// The reusable analysis scripts (`scripts/*.cs`, .NET file-based apps) run on the sample corpus as the README shows:
/// each exits 0 and writes its CSV tables and offline chart pages. The methods of one class run one after another,
/// so the scripts never build the library at the same time.
/// </summary>
public class AnalysisScriptTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scripts() => new(
        Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "scripts"), "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ScriptWritesItsTablesAndChartsForTheSeeds(string script)
    {
        var folder = Path.Combine(Path.GetTempPath(), "newslens-script-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, stdout, stderr) = ExternalTools.Run(
                "dotnet", ["run", "--file", Path.Combine("scripts", script), "--", "seeds", folder], TimeSpan.FromMinutes(5), TestPaths.RepoRoot);
            output.WriteLine(stdout);
            Assert.True(code == 0, $"{script} exited {code}: {stderr}{stdout}");

            var tables = Directory.GetFiles(folder, "*.csv");
            var charts = Directory.GetFiles(folder, "*.html");
            Assert.NotEmpty(tables);
            Assert.NotEmpty(charts);
            Assert.All(tables, table => Assert.True(File.ReadLines(table).Count() >= 2, $"{table} has no data row"));
            Assert.All(charts, chart => Assert.Contains("Plotly.newPlot", File.ReadAllText(chart)));
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void PlotlyFileWritesPlotlyJsOnceBesideThePages()
    {
        var folder = Path.Combine(Path.GetTempPath(), "newslens-script-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, stdout, stderr) = ExternalTools.Run(
                "dotnet", ["run", "--file", Path.Combine("scripts", "corpus.cs"), "--", "--plotly", "file", "seeds", folder], TimeSpan.FromMinutes(5), TestPaths.RepoRoot);
            Assert.True(code == 0, $"corpus.cs exited {code}: {stderr}{stdout}");

            var charts = Directory.GetFiles(folder, "*.html");
            Assert.Equal(2, charts.Length);
            Assert.True(new FileInfo(Path.Combine(folder, "plotly.min.js")).Length > 1_000_000);
            Assert.All(charts, chart => Assert.Contains("src=\"plotly.min.js\"", File.ReadAllText(chart)));
            Assert.All(charts, chart => Assert.True(new FileInfo(chart).Length < 200_000, $"{chart} still embeds plotly.js"));
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }
}
