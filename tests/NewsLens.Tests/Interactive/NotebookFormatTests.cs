using NewsLens.Interactive.Notebooks;
using NewsLens.Interactive.Running;

namespace NewsLens.Tests.Interactive;

/// <summary>What we write is checked by a real client: Debian's nbformat validator and nbconvert.</summary>
[Collection(NotebookCollection.Name)]
public sealed class NotebookFormatTests : IDisposable
{
    private readonly NotebookFiles _files = new();

    public void Dispose() => _files.Dispose();

    private const string Validate =
        "import sys, nbformat\nfor p in sys.argv[1:]:\n    nbformat.validate(nbformat.read(p, as_version=4))\n    print('valid', p)";

    private string ExecutedSample()
    {
        var path = _files.Ipynb("sample.ipynb",
            "md:# Sample\n\nProse.",
            "param:var corpusPath = \"../seeds\";",
            "Console.WriteLine(corpusPath);\ndisplay(HTML(\"<b>x</b>\"));\nnew { A = 1 }",
            "#r \"NewsLens.dll\"\n#r \"Plotly.NET.dll\"\nNewsLens.CorpusCharts.Outlets(new[] { NewsLens.Article.FromText(\"One.\", \"a1\", outlet: \"x\") })",
            "throw new Exception(\"expected failure\");");
        var run = NotebookRunner.Run(path, new RunOptions { Parameters = new Dictionary<string, string> { ["corpusPath"] = "elsewhere" } });
        var executed = _files.Path("sample.out.ipynb");
        NotebookWriter.Write(run.Notebook, executed);
        return executed;
    }

    [ToolFact("nbformat")]
    public void SourceAndExecutedNotebooksValidate()
    {
        var sources = Directory.Exists(TestPaths.Notebooks) ? Directory.GetFiles(TestPaths.Notebooks, "*.ipynb") : [];
        var (code, output, error) = ExternalTools.Run(ExternalTools.Python, ["-c", Validate, ExecutedSample(), .. sources], TimeSpan.FromSeconds(60));

        Assert.True(code == 0, error);
        Assert.Equal(1 + sources.Length, output.Split('\n').Count(l => l.StartsWith("valid", StringComparison.Ordinal)));
    }

    [ToolFact("nbconvert")]
    public void ExecutedNotebookConvertsToHtml()
    {
        var executed = ExecutedSample();
        var (code, _, error) = ExternalTools.Run(ExternalTools.NbConvert!, ["--to", "html", "--output-dir", _files.Directory, "--output", "converted", executed], TimeSpan.FromSeconds(120));

        Assert.True(code == 0, error);
        var html = File.ReadAllText(_files.Path("converted.html"));
        Assert.Contains("expected failure", html);
        Assert.Contains("elsewhere", html);
    }

    [Fact]
    public void WrittenNotebookHasPolyglotMetadataAndRoundTrips()
    {
        var executed = ExecutedSample();
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(executed))!;

        Assert.Equal(".net-csharp", json["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", json["cells"]![2]!["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.Equal("injected-parameters", json["cells"]![2]!["metadata"]!["tags"]![0]!.GetValue<string>());
        var reread = Notebook.Read(executed);
        Assert.Equal(6, reread.Cells.Count);
        Assert.IsType<ErrorOutput>(reread.Cells[5].Outputs.Single());
        // plotly.js travels once, with the first chart, so the executed notebook draws offline in VS Code.
        var chart = ((DisplayOutput)reread.Cells[4].Outputs.Single()).Data["text/html"];
        Assert.StartsWith("<script type=\"text/javascript\">/**", chart);
        Assert.Contains(NewsLens.Interactive.ChartHtml.Marker, chart);
    }

    [Fact]
    public void RawCellsAreNotRunAndStayRaw()
    {
        // The documents library reads and writes every non-markdown cell as code; a raw cell must neither run nor turn into code.
        var path = _files.Text("raw.ipynb", """
            {"cells": [
              {"cell_type": "raw", "id": "r1", "metadata": {}, "source": ["not C#: ", "{{ template }}"]},
              {"cell_type": "code", "execution_count": null, "id": "c1", "metadata": {"tags": ["parameters"]}, "outputs": [], "source": "int n = 2;"},
              {"cell_type": "code", "execution_count": null, "id": "c2", "metadata": {}, "outputs": [], "source": "n * 21"}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        var run = NotebookRunner.Run(path);

        Assert.True(run.Succeeded, run.FirstFailure?.Error);
        Assert.Equal([CellKind.Raw, CellKind.Code, CellKind.Code], run.Notebook.Cells.Select(c => c.Kind));
        Assert.Equal(["parameters"], run.Notebook.Cells[1].Tags);
        var written = System.Text.Json.Nodes.JsonNode.Parse(NotebookWriter.ToJson(run.Notebook))!["cells"]!.AsArray();
        Assert.Equal("raw", written[0]!["cell_type"]!.GetValue<string>());
        Assert.Null(written[0]!["outputs"]);
        Assert.Equal("not C#: {{ template }}", string.Concat(written[0]!["source"]!.AsArray().Select(l => l!.GetValue<string>())));
        Assert.Equal(2, written[2]!["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void ShippedNotebooksRoundTripThroughTheDocumentsLibrary()
    {
        foreach (var path in Directory.GetFiles(TestPaths.Notebooks, "*.ipynb"))
        {
            var read = Notebook.Read(path);
            var copy = _files.Path(Path.GetFileName(path));
            NotebookWriter.Write(read, copy);
            var again = Notebook.Read(copy);

            Assert.Equal(read.Cells.Select(c => (c.Kind, c.Language, c.Source, string.Join(",", c.Tags), c.Id)),
                again.Cells.Select(c => (c.Kind, c.Language, c.Source, string.Join(",", c.Tags), c.Id)));
            Assert.Equal(read.Metadata.ToJsonString(), again.Metadata.ToJsonString());
        }
    }
}
