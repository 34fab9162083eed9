using System.Diagnostics;
using NewsLens.Interactive;
using NewsLens.Interactive.Notebooks;
using NewsLens.Interactive.Reports;
using NewsLens.Interactive.Running;
using Xunit.Abstractions;

namespace NewsLens.Tests.Interactive;

/// <summary>Every notebook of notebooks/ runs headless on the sample corpus without a failed cell and shows its charts and tables.</summary>
[Collection(NotebookCollection.Name)]
public sealed class NotebookTests(ITestOutputHelper output)
{
    /// <summary>Notebook, then the least number of charts and of tables (DataFrames, record lists) its outputs must hold.</summary>
    public static TheoryData<string, int, int> Notebooks => new()
    {
        { "01-corpus.ipynb", 2, 3 },
        { "02-quote-frequency.ipynb", 2, 3 },
        { "03-actor-cooccurrence.ipynb", 5, 2 },
        { "04-sentiment-over-time.ipynb", 4, 3 },
    };

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void NotebookRunsWithoutFailedCellsAndShowsItsChartsAndTables(string name, int charts, int tables)
    {
        var clock = Stopwatch.StartNew();
        var run = NotebookRunner.Run(Path.Combine(TestPaths.Notebooks, name));
        output.WriteLine($"{name}: {run.Cells.Count} code cells in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(run.Succeeded, run.FirstFailure?.Error);
        var html = run.Notebook.Cells.SelectMany(c => c.Outputs).OfType<DisplayOutput>()
            .Select(d => d.Data.GetValueOrDefault("text/html") ?? "").ToList();
        var chartCount = html.Count(h => h.Contains(ChartHtml.Marker, StringComparison.Ordinal));
        var tableCount = html.Count(h => h.Contains("class=\"newslens-table\"", StringComparison.Ordinal));
        output.WriteLine($"{chartCount} charts, {tableCount} tables");
        Assert.True(chartCount >= charts, $"{chartCount} charts, expected at least {charts}");
        Assert.True(tableCount >= tables, $"{tableCount} tables, expected at least {tables}");
    }

    [Fact]
    public void EveryNotebookIsTestedAndShippedForTheReport()
    {
        var files = Directory.GetFiles(TestPaths.Notebooks, "*.ipynb").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(files, Notebooks.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
        Assert.Equal(files, StandardReport.Notebooks);
    }

    [Fact]
    public void NotebooksDeclareTheCorpusParameterAndReferenceTheReleaseBuild()
    {
        foreach (var path in Directory.GetFiles(TestPaths.Notebooks, "*.ipynb"))
        {
            var notebook = Notebook.Read(path);
            var parameters = notebook.Cells.Single(c => c.Tags.Contains("parameters"));
            Assert.Contains($"string[] {StandardReport.CorpusParameter} = [\"../seeds\"];", parameters.Source);
            Assert.Contains("#r \"../src/NewsLens.Interactive/bin/Release/net10.0/NewsLens.Interactive.dll\"", notebook.Cells.First(c => c.IsCode).Source);
            Assert.All(notebook.Cells, c => Assert.Empty(c.Outputs));
        }
    }
}

/// <summary>A fact that needs the Release build the notebooks reference (scripts/test.sh builds it); skips when absent.</summary>
public sealed class ReleaseBuildFactAttribute : FactAttribute
{
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "src", "NewsLens.Interactive", "bin", "Release", "net10.0");

    public ReleaseBuildFactAttribute()
    {
        if (!File.Exists(Path.Combine(Folder, "NewsLens.Interactive.dll")))
            Skip = $"needs the Release build the notebooks reference ({Folder}); run `dotnet build src/NewsLens.Interactive -c Release`";
    }
}

[Collection(NotebookCollection.Name)]
public sealed class NotebookReleaseBuildTests
{
    /// <summary>As in VS Code: the notebook's own #r files are loaded (not the runner's copies) and still give rich output.</summary>
    [ReleaseBuildFact]
    public void NotebookRunsOnTheReleaseBuildItReferences()
    {
        var run = NotebookRunner.Run(Path.Combine(TestPaths.Notebooks, "03-actor-cooccurrence.ipynb"), new RunOptions { ShareHostAssemblies = false });

        Assert.True(run.Succeeded, run.FirstFailure?.Error);
        var html = string.Concat(run.Notebook.Cells.SelectMany(c => c.Outputs).OfType<DisplayOutput>().Select(d => d.Data.GetValueOrDefault("text/html")));
        Assert.Contains(ChartHtml.Marker, html);
        Assert.Contains("class=\"newslens-table\"", html);
    }
}
