using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;
using NewsLens.Interactive.Notebooks;

namespace NewsLens.Interactive.Running;

/// <summary>How to run a notebook headless.</summary>
public sealed record RunOptions
{
    /// <summary>Values for the variables of the cell tagged <c>parameters</c>; injected as a cell after it (papermill's convention).
    /// Relative values of path parameters (string or string[] named …Path(s), …Dir(s), …Directory, …Folder, …File(s)) are
    /// relative to the current directory, and are injected relative to the notebook's folder.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Longest a single cell may run; a cell past it fails and the run stops.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Resolve <c>#r "…/X.dll"</c> of an assembly the runner hosts (NewsLens, Plotly.NET…) to the runner's copy (default), so a
    /// shipped notebook runs wherever the command runs. Off, the notebook's own files are loaded, as in VS Code.
    /// </summary>
    public bool ShareHostAssemblies { get; init; } = true;

    /// <summary>Run the remaining cells after a failure (default: stop, like papermill; later cells usually need the failed one).</summary>
    public bool KeepGoing { get; init; }
}

public enum CellStatus
{
    NotRun,
    Succeeded,
    Failed,
}

/// <summary>How one cell went: status, time taken and the error message when it failed.</summary>
public sealed record CellResult(int CellNumber, CellStatus Status, TimeSpan Duration, string? Error = null);

/// <summary>An executed notebook: the cells with their outputs, and per-cell results.</summary>
public sealed record NotebookRun(
    Notebook Notebook,
    IReadOnlyList<CellResult> Cells,
    DateTimeOffset Started,
    TimeSpan Duration,
    IReadOnlyDictionary<string, string> Parameters)
{
    public bool Succeeded => Cells.All(c => c.Status != CellStatus.Failed);

    public CellResult? FirstFailure => Cells.FirstOrDefault(c => c.Status == CellStatus.Failed);
}

/// <summary>
/// Runs a notebook's code cells in order in the C# kernel of .NET Interactive, in-process: the kernel VS Code's Polyglot
/// Notebooks runs, with its magics (<c>#r "nuget: …"</c>, <c>#i</c>, <c>#!set</c>, <c>#!value</c>, <c>#!who</c>, <c>#!time</c>…), its
/// <c>display()</c> and formatting. Outputs (stdout, stderr, displays, a cell's value, errors) are attached to the cells.
/// What the kernel lacks and this adds: papermill's parameters, a per-cell timeout, stop-or-keep-going, and the notebook's
/// folder as working directory (as in VS Code).
/// </summary>
public static class NotebookRunner
{
    /// <summary>Reads and runs a notebook file. Throws <see cref="NotebookFormatException"/> for an unreadable notebook and
    /// <see cref="ArgumentException"/> for parameters its parameters cell does not declare; cell failures are in the result.</summary>
    public static NotebookRun Run(string path, RunOptions? options = null) => Run(Notebook.Read(path), options);

    public static NotebookRun Run(Notebook notebook, RunOptions? options = null)
    {
        options ??= new RunOptions();
        // Path parameters are given relative to where the command runs and injected relative to the notebook's folder.
        var shown = ParameterInjection.Apply(notebook, options.Parameters, Environment.CurrentDirectory);
        // Reports and saved notebooks carry plotly.js and the table stylesheet once per page, so outputs never do.
        Formatters.Register(hostWritesPage: true);

        // As in VS Code, the kernel works in the notebook's folder: relative #r, #load and data paths mean the same.
        var previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        try
        {
            return RunCells(notebook, options) with { Parameters = shown };
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
        }
    }

    /// <summary>The C# kernel as dotnet-repl and VS Code configure it, plus the value kernel behind <c>#!value</c> and the app's
    /// <c>#!time</c> and <c>#!markdown</c>.</summary>
    internal static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return Task.CompletedTask;
            }, false)
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        var composite = new CompositeKernel { csharp, new KeyValueStoreKernel() }.UseAppMagics();
        composite.DefaultKernelName = csharp.Name;
        return composite;
    }

    private static NotebookRun RunCells(Notebook notebook, RunOptions options)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var kernel = CreateKernel();
        var results = new List<CellResult>();
        var stop = false;
        var executionCount = 0;
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
            if (!cell.IsCode)
                continue;
            if (stop)
            {
                results.Add(new CellResult(i + 1, CellStatus.NotRun, TimeSpan.Zero));
                continue;
            }

            cell.ExecutionCount = ++executionCount;
            var (result, abandoned) = RunCell(kernel, cell, i + 1, options);
            results.Add(result);
            if (result.Status == CellStatus.Failed && (!options.KeepGoing || abandoned))
                stop = true;
        }

        return new NotebookRun(notebook, results, started, clock.Elapsed, options.Parameters);
    }

    private static (CellResult Result, bool Abandoned) RunCell(CompositeKernel kernel, NotebookCell cell, int number, RunOptions options)
    {
        var clock = Stopwatch.StartNew();
        var source = options.ShareHostAssemblies ? HostReferences.Rewrite(cell.Source) : cell.Source;
        var target = cell.Language switch
        {
            "csharp" or "c#" or "C#" => "csharp",
            var other => other,
        };
        using var cancel = new CancellationTokenSource();
        var sent = kernel.SendAsync(new SubmitCode(source, target), cancel.Token);
        if (!sent.Wait(options.CellTimeout))
        {
            cancel.Cancel();
            var message = $"cell {number}: still running after {options.CellTimeout.TotalSeconds:0.#} s (--cell-timeout); the run stops here";
            cell.Outputs.Add(new ErrorOutput("TimeoutException", message, [message]));
            return (new CellResult(number, CellStatus.Failed, clock.Elapsed, message), true);
        }

        string? error = null;
        // An updated display (a restore's progress, display(...).Update(...)) replaces its output, as in VS Code and Jupyter.
        var displays = new Dictionary<string, int>(StringComparer.Ordinal);
        var stream = new StringBuilder();
        string? streamName = null;

        void Flush()
        {
            if (streamName is not null && stream.Length > 0)
                cell.Outputs.Add(new StreamOutput(streamName, stream.ToString()));
            stream.Clear();
            streamName = null;
        }

        void Write(string name, string text)
        {
            if (streamName != name)
                Flush();
            streamName = name;
            stream.Append(text);
        }

        foreach (var @event in sent.Result.Events)
        {
            switch (@event)
            {
                case StandardOutputValueProduced stdout:
                    Write("stdout", PlainText(stdout));
                    break;
                case StandardErrorValueProduced stderr:
                    Write("stderr", PlainText(stderr));
                    break;
                case ReturnValueProduced shown when shown.Value?.GetType().Name == "DisplayedValue":
                    break;
                case ErrorProduced produced:
                    Flush();
                    cell.Outputs.Add(new ErrorOutput("Error", produced.Message, [produced.Message]));
                    break;
                case DisplayEvent display when display is DisplayedValueProduced or DisplayedValueUpdated or ReturnValueProduced:
                    Flush();
                    var output = new DisplayOutput(display.FormattedValues.GroupBy(v => v.MimeType).ToDictionary(g => g.Key, g => g.First().Value));
                    if (display.ValueId is { } id && displays.TryGetValue(id, out var at))
                        cell.Outputs[at] = output;
                    else
                    {
                        if (display.ValueId is { } newId)
                            displays[newId] = cell.Outputs.Count;
                        cell.Outputs.Add(output);
                    }

                    break;
                case CommandFailed failed:
                    Flush();
                    error ??= $"cell {number}: {failed.Message}";
                    cell.Outputs.Add(new ErrorOutput(failed.Exception?.GetType().Name ?? "Error", failed.Message,
                        [failed.Message, .. (failed.Exception?.StackTrace ?? "").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)]));
                    break;
            }
        }

        Flush();
        return (new CellResult(number, error is null ? CellStatus.Succeeded : CellStatus.Failed, clock.Elapsed, error), false);
    }

    private static string PlainText(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == "text/plain")?.Value ?? e.Value?.ToString() ?? "";

    /// <summary>
    /// <c>#r "…/NewsLens.dll"</c> and the like, when the runner itself hosts that assembly, pointed at the runner's copy: the
    /// shipped notebooks reference the repository's Release build, which `newslens report` must not need. Lines stay put.
    /// </summary>
    private static class HostReferences
    {
        private static readonly Regex Reference = new(
            """^(?<lead>\s*#r\s+")(?<path>[^"]+\.dll)(?<tail>".*)$""",
            RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Multiline);

        private static readonly Lazy<Dictionary<string, string>> Hosted = new(() =>
            ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .GroupBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));

        public static string Rewrite(string source) => Reference.Replace(source, m =>
            Hosted.Value.TryGetValue(Path.GetFileName(m.Groups["path"].Value), out var hosted)
                ? m.Groups["lead"].Value + hosted + m.Groups["tail"].Value
                : m.Value);
    }
}
