using System.CommandLine;
using System.Globalization;
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
        var paths = new Argument<string[]>("paths") { Description = "Corpus files or folders.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo>("--out", "-o") { Description = "The HTML report to write.", Required = true };
        var timeout = new Option<double>("--cell-timeout") { Description = "Seconds a single notebook cell may run.", DefaultValueFactory = _ => 300 };
        var command = new Command("report", "Runs the standard analysis on a corpus and writes one self-contained HTML report.")
        {
            paths, output, timeout,
        };
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(output)!, TimeSpan.FromSeconds(parse.GetValue(timeout))));
        return command;
    }

    internal static int Run(IReadOnlyList<string> paths, FileInfo output, TimeSpan cellTimeout)
    {
        IReadOnlyList<NotebookRun> runs;
        try
        {
            runs = StandardReport.Run(paths, new RunOptions { CellTimeout = cellTimeout });
        }
        catch (Exception e) when (e is FileNotFoundException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return NotebookCommand.CannotRun;
        }

        var title = "NewsLens report: " + string.Join(", ", paths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(p)))));
        try
        {
            HtmlReport.Write(output.FullName, runs, title);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot write {output.FullName}: {e.Message}");
            return NotebookCommand.CannotRun;
        }

        var seconds = runs.Sum(r => r.Duration.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture);
        var failed = runs.Where(r => !r.Succeeded).ToList();
        foreach (var run in failed)
            Console.Error.WriteLine($"error: {Path.GetFileName(run.Notebook.Path)}: {run.FirstFailure!.Error}");
        Console.WriteLine($"{output.FullName}: {runs.Count} notebooks in {seconds} s, {new FileInfo(output.FullName).Length / 1024.0 / 1024.0:0.0} MB"
            + (failed.Count > 0 ? $"; {failed.Count} failed" : ""));
        return failed.Count > 0 ? NotebookCommand.CellFailed : NotebookCommand.Ok;
    }
}
