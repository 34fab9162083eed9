using System.CommandLine;
using System.Globalization;
using NewsLens.Cli.Inputs;
using NewsLens.Interactive.Reports;
using NewsLens.Interactive.Running;

namespace NewsLens.Cli.Commands;

/// <summary>
/// <c>newslens report PATH... --out report.html</c>: the standard analysis (corpus, quotes, actors, sentiment notebooks) of a
/// corpus as one self-contained HTML page. Exit codes as <c>notebook run</c>: 0 done, 1 cannot run, 2 a notebook cell failed
/// (the report is still written, the failing cell marked).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var paths = CorpusInputs.Paths();
        var output = new Option<FileInfo>("--out", "-o") { Description = "The HTML report to write.", HelpName = "file", Required = true };
        var timeout = new Option<double>("--cell-timeout") { Description = "Seconds a single notebook cell may run.", HelpName = "seconds", DefaultValueFactory = _ => 300 };
        var page = new PageOptions();
        var command = new Command("report", "Runs the standard analysis on a corpus and writes one self-contained HTML report.")
        {
            paths, output, timeout,
        };
        page.AddTo(command);
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(output)!, TimeSpan.FromSeconds(parse.GetValue(timeout)), page.Get(parse),
            CorpusInputs.Errors(parse)));
        return command;
    }

    internal static int Run(IReadOnlyList<string> paths, FileInfo output, TimeSpan cellTimeout, ReportOptions? page = null, TextWriter? errors = null)
    {
        errors ??= Console.Error;
        // The corpus is checked here first, on the one path every verb shares: its problems are printed once (not once
        // per notebook) and set the exit code; a corpus with no article is not worth a report.
        var report = new LoadReport(errors);
        var articles = report.Stream([.. paths]).Count();
        if (articles == 0)
        {
            errors.WriteLine($"error: no article loaded from {string.Join(", ", paths)}; no report written");
            return ExitCodes.Skipped;
        }

        IReadOnlyList<NotebookRun> runs;
        try
        {
            runs = StandardReport.Run(paths, new RunOptions { CellTimeout = cellTimeout });
        }
        catch (Exception e) when (e is FileNotFoundException or ArgumentException)
        {
            errors.WriteLine($"error: {e.Message}");
            return NotebookCommand.CannotRun;
        }

        page ??= new ReportOptions();
        page = page with
        {
            Title = page.Title ?? "NewsLens report: " + string.Join(", ", paths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(p))))),
        };
        try
        {
            HtmlReport.Write(output.FullName, runs, page);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: cannot write {output.FullName}: {e.Message}");
            return NotebookCommand.CannotRun;
        }

        var seconds = runs.Sum(r => r.Duration.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture);
        var failed = runs.Where(r => !r.Succeeded).ToList();
        foreach (var run in failed)
            errors.WriteLine($"error: {Path.GetFileName(run.Notebook.Path)}: {run.FirstFailure!.Error}");
        Console.WriteLine($"{Path.GetRelativePath(Environment.CurrentDirectory, output.FullName)}: {runs.Count} notebooks in {seconds} s, "
            + $"{(new FileInfo(output.FullName).Length / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} MB"
            + (failed.Count > 0 ? $"; {failed.Count} failed" : ""));
        var skipped = report.Finish();
        return failed.Count > 0 ? NotebookCommand.CellFailed : skipped;
    }
}

/// <summary>The options of a shared page, for <c>report</c> and <c>notebook run --html</c>: --no-input, --title, --author, --summary.</summary>
internal sealed class PageOptions
{
    private readonly Option<bool> _noInput = new("--no-input") { Description = "Hide code cells in the HTML, keeping their outputs." };
    private readonly Option<string?> _title = new("--title") { Description = "The page's title.", HelpName = "text" };
    private readonly Option<string?> _author = new("--author") { Description = "An author line under the title.", HelpName = "name" };
    private readonly Option<string?> _summary = new("--summary") { Description = "A summary paragraph (markdown) under the title.", HelpName = "text" };

    public IEnumerable<Option> All => [_noInput, _title, _author, _summary];

    public void AddTo(Command command)
    {
        foreach (var option in All)
            command.Options.Add(option);
    }

    public ReportOptions Get(ParseResult parse) => new()
    {
        HideInput = parse.GetValue(_noInput),
        Title = parse.GetValue(_title),
        Author = parse.GetValue(_author),
        Summary = parse.GetValue(_summary),
    };
}
