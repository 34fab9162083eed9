using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;
using NewsLens.Interactive.Notebooks;

namespace NewsLens.Interactive.Running;

/// <summary>How to run a notebook headless.</summary>
public sealed record RunOptions
{
    /// <summary>Values for the variables of the cell tagged <c>parameters</c>; injected as a cell after it (papermill's convention).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Longest a single cell may run; a cell past it fails and the run stops.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Resolve <c>#r</c> of an assembly the runner hosts (NewsLens, Plotly.NET…) to the runner's copy (default). Off, the
    /// notebook's own files are loaded, as VS Code's kernel does; only the formatting library is then shared.
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
/// Runs a notebook's C# cells in order in one Roslyn scripting session, so state carries across cells as in a kernel.
/// Outputs (stdout, stderr, displays, a cell's last value, errors) are attached to the notebook's cells.
/// </summary>
public static class NotebookRunner
{
    private static readonly string[] DefaultImports =
        ["System", "System.IO", "System.Text", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    /// <summary>Reads and runs a notebook file. Throws <see cref="NotebookFormatException"/> for an unreadable notebook and
    /// <see cref="ArgumentException"/> for parameters its parameters cell does not declare; cell failures are in the result.</summary>
    public static NotebookRun Run(string path, RunOptions? options = null) => Run(Notebook.Read(path), options);

    public static NotebookRun Run(Notebook notebook, RunOptions? options = null)
    {
        options ??= new RunOptions();
        ParameterInjection.Apply(notebook, options.Parameters);
        Formatters.Register(hostWritesPage: true);

        // Like the kernel, cells run in the notebook's folder: relative paths in cells mean the same in VS Code and here.
        var previousDirectory = Environment.CurrentDirectory;
        using var console = CellCapture.RouteConsole();
        Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        try
        {
            return RunCells(notebook, options);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
        }
    }

    private static NotebookRun RunCells(Notebook notebook, RunOptions options)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var session = new Session(notebook, options.ShareHostAssemblies);
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
            var result = session.RunCell(cell, i + 1, options.CellTimeout);
            results.Add(result);
            if (result.Status == CellStatus.Failed && (!options.KeepGoing || session.Abandoned))
                stop = true;
        }

        return new NotebookRun(notebook, results, started, clock.Elapsed, options.Parameters);
    }

    /// <summary>One scripting session: the script state chain plus the references added so far.</summary>
    private sealed class Session
    {
        private readonly string _directory;
        private readonly string _fileName;
        private readonly InteractiveAssemblyLoader _loader = new();
        private readonly NotebookGlobals _globals = new();
        private ScriptOptions _options;
        private ScriptState<object>? _state;
        private readonly bool _share;

        public Session(Notebook notebook, bool share)
        {
            _share = share;
            var full = Path.GetFullPath(notebook.Path);
            _directory = Path.GetDirectoryName(full)!;
            _fileName = Path.GetFileName(full);
            _options = ScriptOptions.Default
                .WithReferences(FrameworkReferences())
                .AddReferences(HostReference("Microsoft.DotNet.Interactive.Formatting")!, HostReference("Microsoft.AspNetCore.Html.Abstractions")!)
                .WithImports(DefaultImports)
                .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(_directory))
                .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(_directory))
                .WithEmitDebugInformation(true)
                .WithFileEncoding(Encoding.UTF8);
        }

        /// <summary>Set when a cell timed out: its code may still be running, so the session cannot go on.</summary>
        public bool Abandoned { get; private set; }

        public CellResult RunCell(NotebookCell cell, int number, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            var capture = new CellCapture();
            string? error = null;
            try
            {
                if (cell.Language is not ("csharp" or "c#" or "C#"))
                    throw new CellException("UnsupportedKernel", $"cell {number}: the runner runs C# cells only, this cell's kernel is '{cell.Language}'");

                var directives = CellDirectives.Parse(cell.Source);
                if (directives.Problems.Count > 0)
                    throw new CellException("UnsupportedDirective", $"cell {number}, {directives.Problems[0]}");
                AddReferences(directives, number, timeout);

                var cellPath = Path.Combine(_directory, $"{_fileName}.cell{number}.csx");
                var options = _options.WithFilePath(cellPath);
                var task = Task.Run(async () =>
                {
                    CellCapture.Current = capture;
                    return _state is null
                        ? await CSharpScript.Create(directives.Code, options, typeof(NotebookGlobals), _loader).RunAsync(_globals, _ => true)
                        : await _state.ContinueWithAsync(directives.Code, options, _ => true);
                });
                if (!task.Wait(timeout))
                {
                    Abandoned = true;
                    throw new CellException("TimeoutException", $"cell {number}: still running after {timeout.TotalSeconds:0.#} s (--cell-timeout); the run stops here");
                }

                var state = task.GetAwaiter().GetResult();
                if (state.Exception is { } thrown)
                {
                    _state = state;
                    throw new CellException(thrown.GetType().Name, Describe(thrown, number, cellPath), Traceback(thrown));
                }

                _state = state;
                if (state.ReturnValue is { } value)
                    capture.Add(new DisplayOutput(DisplayBundle.For(value)));
            }
            catch (AggregateException e) when (e.InnerException is CompilationErrorException ce)
            {
                error = Record(capture, CompilationError(ce, number));
            }
            catch (CompilationErrorException ce)
            {
                error = Record(capture, CompilationError(ce, number));
            }
            catch (CellException ce)
            {
                error = Record(capture, ce);
            }
            catch (PackageRestoreException pe)
            {
                error = Record(capture, new CellException("PackageRestoreError", $"cell {number}: {pe.Message}"));
            }

            cell.Outputs.AddRange(capture.Take());
            return new CellResult(number, error is null ? CellStatus.Succeeded : CellStatus.Failed, clock.Elapsed, error);
        }

        private static string Record(CellCapture capture, CellException e)
        {
            capture.Add(new ErrorOutput(e.Name, e.Message, e.Traceback ?? [e.Message]));
            return e.Message;
        }

        private void AddReferences(CellDirectives directives, int number, TimeSpan timeout)
        {
            var references = new List<MetadataReference>();
            foreach (var file in directives.Files)
            {
                var reference = ResolveFile(file.Path)
                    ?? throw new CellException("FileNotFoundException", $"cell {number}, line {file.Line}: #r \"{file.Path}\": no such assembly (looked in {_directory})");
                references.Add(reference);
            }

            if (directives.Packages.Count > 0)
            {
                foreach (var path in PackageRestorer.Restore(directives.Packages, timeout))
                    references.Add(HostReference(Path.GetFileNameWithoutExtension(path)) ?? MetadataReference.CreateFromFile(path));
            }

            if (references.Count > 0)
                _options = _options.AddReferences(references);
        }

        /// <summary>
        /// An assembly the runner itself hosts (NewsLens, Plotly.NET, the formatters…) is shared with the notebook rather than
        /// loaded a second time from the #r path: one copy of each type, so formatters registered by either side apply to both.
        /// </summary>
        private MetadataReference? ResolveFile(string path)
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                name = name[..^4];
            if (_share && HostReference(name) is { } hosted)
                return hosted;
            var full = Path.GetFullPath(Path.Combine(_directory, path));
            return File.Exists(full) ? MetadataReference.CreateFromFile(full) : null;
        }

        private MetadataReference? HostReference(string simpleName)
        {
            if (!HostAssemblies.Value.TryGetValue(simpleName, out var location))
                return null;
            try
            {
                var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => !a.IsDynamic && a.GetName().Name == simpleName)
                    ?? System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(simpleName));
                _loader.RegisterDependency(assembly);
                return MetadataReference.CreateFromFile(string.IsNullOrEmpty(assembly.Location) ? location : assembly.Location);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                return null;
            }
        }
    }

    /// <summary>The host's own assemblies (trusted platform assemblies: the framework and this app's dependencies) by simple name.</summary>
    private static readonly Lazy<Dictionary<string, string>> HostAssemblies = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));

    /// <summary>The shared framework, as the real kernel references it (ScriptOptions.Default lacks even System.Linq).</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() =>
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return [.. Directory.GetFiles(runtimeDir, "*.dll")
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "netstandard.dll" or "mscorlib.dll" or "Microsoft.CSharp.dll" or "Microsoft.Win32.Primitives.dll"))
            .Where(p => !Path.GetFileName(p).StartsWith("System.Private.", StringComparison.Ordinal) || Path.GetFileName(p) == "System.Private.CoreLib.dll")
            .Where(IsManaged)
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    private static ImmutableArray<MetadataReference> FrameworkReferences() => Framework.Value;

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static CellException CompilationError(CompilationErrorException e, int number)
    {
        var lines = e.Diagnostics
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .Select(d => $"cell {number}, line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        return new CellException("CompilationError", lines.FirstOrDefault() ?? $"cell {number}: {e.Message}", lines);
    }

    private static readonly Regex FrameLine = new(@":line (?<line>\d+)", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private static string Describe(Exception e, int number, string cellPath)
    {
        // The innermost frame in this cell's code gives the line (debug information is emitted for each cell).
        var line = (e.StackTrace ?? "").Split('\n')
            .Where(l => l.Contains(cellPath, StringComparison.Ordinal))
            .Select(l => FrameLine.Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups["line"].Value)
            .LastOrDefault();
        return $"cell {number}{(line is null ? "" : $", line {line}")}: {e.GetType().Name}: {e.Message}";
    }

    private static List<string> Traceback(Exception e) =>
        [$"{e.GetType().FullName}: {e.Message}", .. (e.StackTrace ?? "").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0 && !l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal))];

    private sealed class CellException(string name, string message, IReadOnlyList<string>? traceback = null) : Exception(message)
    {
        public string Name { get; } = name;

        public IReadOnlyList<string>? Traceback { get; } = traceback;
    }
}
