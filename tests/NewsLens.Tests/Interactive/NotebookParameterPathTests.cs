using NewsLens.Cli.Commands;
using NewsLens.Interactive.Running;

namespace NewsLens.Tests.Interactive;

/// <summary>`notebook run --param` paths: given from the current folder, injected for the notebook's folder, shown relative.</summary>
[Collection(NotebookCollection.Name)]
public sealed class NotebookParameterPathTests : IDisposable
{
    private readonly NotebookFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>root/data/a.txt (one article) and root/notebooks/n.ipynb whose cell says whether corpusPaths[0] exists.</summary>
    private string Layout()
    {
        Directory.CreateDirectory(_files.Path("data"));
        Directory.CreateDirectory(_files.Path("notebooks"));
        File.WriteAllText(_files.Path(Path.Combine("data", "a.txt")), "A headline\n\n\"We will see,\" the minister said on Monday.\n");
        return _files.Ipynb(Path.Combine("notebooks", "n.ipynb"),
            "param:string[] corpusPaths = [\"../elsewhere\"];\nstring label = \"x\";",
            "Console.Write(string.Join(\",\", corpusPaths.Select(System.IO.Directory.Exists)))");
    }

    private static T InFolder<T>(string folder, Func<T> action)
    {
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder;
        try
        {
            return action();
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public void RelativePathParameterResolvesAgainstTheCurrentFolderAndIsShownRelative()
    {
        var notebook = Layout();
        var run = InFolder(_files.Directory, () => NotebookRunner.Run(notebook, new RunOptions
        {
            Parameters = new Dictionary<string, string> { ["corpusPaths"] = "data", ["label"] = "data" },
        }));

        Assert.True(run.Succeeded, run.FirstFailure?.Error);
        var injected = run.Notebook.Cells[1].Source;
        // The kernel works in notebooks/, so the injected form is relative to it; a non-path parameter is left as given.
        Assert.Contains("string[] corpusPaths = new string[] { \"../data\" };", injected);
        Assert.Contains("string label = \"data\";", injected);
        Assert.Equal("True", ((NewsLens.Interactive.Notebooks.StreamOutput)run.Notebook.Cells[2].Outputs.Single()).Text);
        // The report shows the value as the user sees it from the current folder.
        Assert.Equal("data", run.Parameters["corpusPaths"]);
    }

    [Fact]
    public void AbsolutePathParameterIsInjectedAndShownRelative()
    {
        var notebook = Layout();
        var html = _files.Path("r.html");
        var code = InFolder(_files.Directory, () => NotebookCommand.Run(new FileInfo(notebook), new FileInfo(html), null, new RunOptions
        {
            Parameters = new Dictionary<string, string> { ["corpusPaths"] = _files.Path("data") },
        }));

        Assert.Equal(NotebookCommand.Ok, code);
        var page = File.ReadAllText(html);
        Assert.DoesNotContain(_files.Directory, page);
        Assert.Contains("corpusPaths = data", page);
    }

    [Fact]
    public void CorpusParameterThatLoadsNoArticleExitsTwoNamingThePath()
    {
        var notebook = Layout();
        Directory.CreateDirectory(_files.Path("empty"));
        foreach (var value in new[] { "empty", "nowhere", "data/*.html" })
        {
            var (code, error) = InFolder(_files.Directory, () => ReportCommandTests.Capture(() => NotebookCommand.Run(
                new FileInfo(notebook), null, null, new RunOptions { Parameters = new Dictionary<string, string> { ["corpusPaths"] = value } })));

            Assert.Equal(NotebookCommand.CellFailed, code);
            Assert.Contains($"--param corpusPaths: no article loaded from {value}", error);
        }
    }

    [Fact]
    public void NotebookWhoseOwnDefaultCorpusLoadsNothingFailsTheLoadCellNamingThePath()
    {
        // No --param: the parameters cell's default points at a folder that is not there. The shipped notebooks load with
        // RequireArticles, so the load cell fails (in VS Code as here) and the run exits 2 instead of charting nothing.
        Directory.CreateDirectory(_files.Path("notebooks"));
        var notebook = _files.Ipynb(Path.Combine("notebooks", "d.ipynb"),
            "#r \"../src/NewsLens.Interactive/bin/Release/net10.0/NewsLens.dll\"\nusing NewsLens;",
            "param:string[] corpusPaths = [\"../no-such-corpus\"];",
            "var corpus = Corpus.Load(corpusPaths, new LoadOptions { RequireArticles = true });\ncorpus.Count",
            "Console.Write(\"charted\");");

        var (code, error) = InFolder(_files.Directory, () => ReportCommandTests.Capture(() => NotebookCommand.Run(
            new FileInfo(notebook), null, null, new RunOptions())));

        Assert.Equal(NotebookCommand.CellFailed, code);
        Assert.Contains("No article loaded from ../no-such-corpus", error);
    }
}
