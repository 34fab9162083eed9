using NewsLens.Cli.Commands;
using NewsLens.Interactive.Notebooks;
using NewsLens.Interactive.Running;

namespace NewsLens.Tests.Interactive;

[Collection(NotebookCollection.Name)]
public sealed class NotebookRunnerTests : IDisposable
{
    private readonly NotebookFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Text(CellOutput output) => output switch
    {
        StreamOutput s => s.Text,
        // The kernel shows scalars as HTML (<div class="dni-plaintext"><pre>42</pre></div>), as in VS Code.
        DisplayOutput d => d.Data.GetValueOrDefault("text/plain") ?? System.Net.WebUtility.HtmlDecode(
            System.Text.RegularExpressions.Regex.Match(d.Data.GetValueOrDefault("text/html") ?? "", "<pre>(?<v>[^<]*)</pre>", System.Text.RegularExpressions.RegexOptions.NonBacktracking).Groups["v"].Value),
        ErrorOutput e => e.Value,
        _ => "",
    };

    private (int Code, string Error) Cli(string notebook, RunOptions? options = null, string? html = null, string? ipynb = null)
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            var code = NotebookCommand.Run(new FileInfo(notebook), html is null ? null : new FileInfo(html), ipynb is null ? null : new FileInfo(ipynb), options ?? new RunOptions());
            return (code, error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    [Fact]
    public void StateCarriesAcrossCellsAndOutputsAreCaptured()
    {
        var path = _files.Ipynb("state.ipynb",
            "md:# Title",
            "var x = 20;\nConsole.WriteLine(\"out \" + x);\nConsole.Error.WriteLine(\"err\");",
            "display(HTML(\"<b>bold</b>\"));\nx * 2 + 2");
        var run = NotebookRunner.Run(path);

        Assert.True(run.Succeeded);
        var first = run.Notebook.Cells[1].Outputs;
        Assert.Equal(["out 20\n", "err\n"], first.Select(Text));
        Assert.Equal(["stdout", "stderr"], first.Cast<StreamOutput>().Select(s => s.Name));
        var second = run.Notebook.Cells[2].Outputs.Cast<DisplayOutput>().ToList();
        Assert.Equal("<b>bold</b>", second[0].Data["text/html"]);
        Assert.Equal("42", Text(second[1]));
        Assert.Equal([1, 2], run.Notebook.Cells.Where(c => c.IsCode).Select(c => c.ExecutionCount ?? 0));
    }

    [Fact]
    public void DibMagicsSplitCellsAndLoadResolvesFromTheNotebookFolder()
    {
        _files.Text("helper.csx", "int Twice(int n) => 2 * n;\n");
        var path = _files.Text("magics.dib", "#!meta\n\n{\"kernelInfo\":{}}\n\n#!markdown\n\n# Heading\n\n#!csharp\n\n#load \"helper.csx\"\nTwice(21)\n\n#!csharp\n\nSystem.IO.Directory.GetCurrentDirectory()\n");
        var run = NotebookRunner.Run(path);

        Assert.True(run.Succeeded, run.FirstFailure?.Error);
        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code], run.Notebook.Cells.Select(c => c.Kind));
        Assert.Equal("42", Text(run.Notebook.Cells[1].Outputs.Single()));
        Assert.Equal(_files.Directory, Text(run.Notebook.Cells[2].Outputs.Single()));
    }

    [Fact]
    public void LibraryReferencesShareTheRunnersTypesSoFormattersApply()
    {
        var path = _files.Ipynb("lib.ipynb",
            "#r \"../src/NewsLens.Interactive/bin/Release/net10.0/NewsLens.dll\"\n#r \"../src/NewsLens.Interactive/bin/Release/net10.0/NewsLens.Interactive.dll\"\nNewsLens.Interactive.Formatters.Register();",
            "NewsLens.Article.FromText(\"One <script>x</script> sentence.\", \"a\", title: \"T\")");
        var run = NotebookRunner.Run(path);

        Assert.True(run.Succeeded, run.FirstFailure?.Error);
        var html = ((DisplayOutput)run.Notebook.Cells[1].Outputs.Single()).Data["text/html"];
        Assert.Contains("newslens-article", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>x", html);
    }

    [Fact]
    public void SyntaxErrorNamesCellAndLineAndExitsTwo()
    {
        var path = _files.Ipynb("syntax.ipynb", "var ok = 1;", "var x = 1;\nvar y = ;", "Console.WriteLine(\"never\");");
        var executed = _files.Path("out.ipynb");
        var (code, error) = Cli(path, ipynb: executed, html: _files.Path("out.html"));

        Assert.Equal(NotebookCommand.CellFailed, code);
        Assert.Contains("cell 2: (2,9): error CS1525", error);
        var written = Notebook.Read(executed);
        Assert.IsType<ErrorOutput>(written.Cells[1].Outputs.Single());
        Assert.Empty(written.Cells[2].Outputs);
        Assert.Contains("cell 2</a>", File.ReadAllText(_files.Path("out.html")).Replace(" failed</a>", "</a>"));
    }

    [Fact]
    public void ThrowingCellNamesExceptionAndLineStopsTheRunAndStillWritesOutputs()
    {
        var path = _files.Ipynb("throws.ipynb", "Console.WriteLine(\"before\");", "var a = 1;\nthrow new InvalidOperationException(\"boom\");", "Console.WriteLine(\"after\");");
        var html = _files.Path("throws.html");
        var (code, error) = Cli(path, html: html, ipynb: _files.Path("throws.out.ipynb"));

        Assert.Equal(NotebookCommand.CellFailed, code);
        Assert.Contains("cell 2: System.InvalidOperationException: boom", error);
        var report = File.ReadAllText(html);
        Assert.Contains("class=\"cell code failed\"", report);
        Assert.Contains("class=\"cell code notrun\"", report);
        Assert.Contains("before", report);
    }

    [Fact]
    public void KeepGoingRunsCellsAfterAFailure()
    {
        var path = _files.Ipynb("keep.ipynb", "throw new Exception(\"first\");", "Console.WriteLine(\"after\");");
        var run = NotebookRunner.Run(path, new RunOptions { KeepGoing = true });

        Assert.Equal([CellStatus.Failed, CellStatus.Succeeded], run.Cells.Select(c => c.Status));
        Assert.Equal("after\n", Text(run.Notebook.Cells[1].Outputs.Single()));
    }

    [Fact]
    public void UnknownNugetPackageIsNamedInTheError()
    {
        var path = _files.Ipynb("nuget.ipynb", "#r \"nuget: NewsLens.No.Such.Package.Xyz, 1.0.0\"\nConsole.WriteLine(1);");
        var (code, error) = Cli(path);

        Assert.Equal(NotebookCommand.CellFailed, code);
        Assert.Contains("cell 1: ", error);
        Assert.Contains("NewsLens.No.Such.Package.Xyz", error);
    }

    [Fact]
    public void NugetReferenceIsRestoredForReal()
    {
        var path = _files.Ipynb("nuget-ok.ipynb", "#r \"nuget: CsvHelper, 34.0.0\"\ntypeof(CsvHelper.CsvReader).Assembly.GetName().Name");
        var run = NotebookRunner.Run(path);

        Assert.True(run.Succeeded, run.FirstFailure?.Error);
        Assert.Equal("CsvHelper", Text(run.Notebook.Cells[0].Outputs.Last()));
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("{\"nbformat\": 3, \"cells\": []}", "'nbformat' must be 4")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": 5}]}", "cell 1: 'source' must be a string")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"source\": \"x\"}]}", "cell 1 has no valid 'cell_type'")]
    public void MalformedNotebookExitsThree(string content, string problem)
    {
        var path = _files.Text("bad.ipynb", content);
        var (code, error) = Cli(path);

        Assert.Equal(NotebookCommand.Malformed, code);
        Assert.Contains("bad.ipynb", error);
        Assert.Contains(problem, error);
    }

    [Fact]
    public void ParametersAreInjectedAfterTheParametersCellWithTheirDeclaredTypes()
    {
        var path = _files.Ipynb("params.ipynb",
            "param:var label = \"../seeds\";\nint top = 5;\nbool flag = false;",
            "$\"{label}|{top + 1}|{flag}\"");
        var run = NotebookRunner.Run(path, new RunOptions
        {
            Parameters = new Dictionary<string, string> { ["label"] = "my \"data\"", ["top"] = "9", ["flag"] = "true" },
        });

        Assert.True(run.Succeeded, run.FirstFailure?.Error);
        var injected = run.Notebook.Cells[1];
        Assert.Equal(["injected-parameters"], injected.Tags);
        Assert.Contains("string label = \"my \\\"data\\\"\";", injected.Source);
        Assert.Equal("my \"data\"|10|True", Text(run.Notebook.Cells[2].Outputs.Single()));
    }

    [Fact]
    public void DibParametersCellStartsWithAParametersComment()
    {
        var path = _files.Text("params.dib", "#!csharp\n\n// parameters\nint top = 5;\n\n#!csharp\n\ntop * 2\n");
        var run = NotebookRunner.Run(path, new RunOptions { Parameters = new Dictionary<string, string> { ["top"] = "21" } });

        Assert.True(run.Succeeded, run.FirstFailure?.Error);
        Assert.Equal("42", Text(run.Notebook.Cells[2].Outputs.Single()));
    }

    [Theory]
    [InlineData("nope", "1", "unknown parameter 'nope'; the parameters cell declares: top")]
    [InlineData("top", "many", "parameter 'top' is declared int: 'many' is not a whole number")]
    public void BadParameterExitsOne(string name, string value, string message)
    {
        var path = _files.Ipynb("p.ipynb", "param:int top = 5;", "top");
        var (code, error) = Cli(path, new RunOptions { Parameters = new Dictionary<string, string> { [name] = value } });

        Assert.Equal(NotebookCommand.CannotRun, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void CellPastTheTimeoutFails()
    {
        var path = _files.Ipynb("slow.ipynb", "System.Threading.Thread.Sleep(1500);", "1");
        var run = NotebookRunner.Run(path, new RunOptions { CellTimeout = TimeSpan.FromMilliseconds(200), KeepGoing = true });

        Assert.Equal([CellStatus.Failed, CellStatus.NotRun], run.Cells.Select(c => c.Status));
        Assert.Contains("still running after 0.2 s", run.Cells[0].Error);
    }

    [Fact]
    public void UnknownMagicIsTheKernelsCellError()
    {
        var path = _files.Ipynb("magic.ipynb", "#!no-such-magic\n1");
        var run = NotebookRunner.Run(path);

        Assert.Contains("cell 1: (1,1): error DNI101: Unknown magic command", run.Cells[0].Error);
    }

    [Fact]
    public void TimeMagicShowsTheWallTimeAfterTheCellsValueAsInVsCode()
    {
        var path = _files.Ipynb("time.ipynb", "#!time\nSystem.Threading.Thread.Sleep(50);\n6 * 7");
        var run = NotebookRunner.Run(path);

        Assert.True(run.Succeeded, run.FirstFailure?.Error);
        var outputs = run.Notebook.Cells[0].Outputs.Select(Text).ToList();
        Assert.Equal("42", outputs[0]);
        var time = System.Text.RegularExpressions.Regex.Match(outputs[1], @"^Wall time: (?<ms>[0-9]+([.,][0-9]+)?)ms$", System.Text.RegularExpressions.RegexOptions.NonBacktracking);
        Assert.True(time.Success, outputs[1]);
        Assert.True(double.Parse(time.Groups["ms"].Value.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture) >= 50);
    }

    [Fact]
    public void MarkdownMagicInACodeCellRendersHtml()
    {
        var path = _files.Ipynb("md.ipynb", "#!markdown\n# Title\n\nSome *emphasis*.");
        var run = NotebookRunner.Run(path);

        Assert.True(run.Succeeded, run.FirstFailure?.Error);
        var html = ((DisplayOutput)run.Notebook.Cells[0].Outputs.Single()).Data["text/html"];
        Assert.Contains("<h1 id=\"title\">Title</h1>", html);
        Assert.Contains("<em>emphasis</em>", html);
    }

    [Fact]
    public void ValueAndSetMagicsShareAValueWithTheCSharpKernel()
    {
        var path = _files.Ipynb("value.ipynb", "#!value --name greeting\nhello from the value kernel", "#!set --name text --value @value:greeting\ntext.ToUpperInvariant()");
        var run = NotebookRunner.Run(path);

        Assert.True(run.Succeeded, run.FirstFailure?.Error);
        Assert.Equal("HELLO FROM THE VALUE KERNEL", Text(run.Notebook.Cells[1].Outputs.Last()));
    }

    [Fact]
    public void PackageSourceMustBeAnAbsolutePathAsInTheKernel()
    {
        // The kernel's NuGet manager reads an #i source as a URI: a relative folder fails there, and so here.
        var path = _files.Ipynb("source.ipynb", "#i \"nuget: ../no-such-relative-folder\"\n#r \"nuget: CsvHelper, 34.0.0\"\n1");
        var run = NotebookRunner.Run(path);

        Assert.Equal(CellStatus.Failed, run.Cells[0].Status);
        Assert.Contains("Invalid URI", run.Cells[0].Error);
    }
}
