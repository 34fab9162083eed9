using System.CommandLine;
using System.Globalization;
using NewsLens.Interactive.Notebooks;
using NewsLens.Interactive.Reports;
using NewsLens.Interactive.Running;

namespace NewsLens.Cli.Commands;

/// <summary>
/// <c>newslens notebook run FILE [--html OUT] [--ipynb OUT] [--param NAME=VALUE]... [--cell-timeout S] [--keep-going]</c>.
/// Exit codes: 0 every cell ran; 1 the run could not start or its outputs could not be written (bad arguments, unknown
/// parameter, missing file); 2 a cell failed (compile error, exception, timeout, unresolvable reference; outputs are still
/// written with the failing cell marked); 3 the notebook file is malformed.
/// </summary>
internal static class NotebookCommand
{
    public const int Ok = 0;
    public const int CannotRun = 1;
    public const int CellFailed = 2;
    public const int Malformed = 3;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The notebook to run (.ipynb or .dib)." };
        var html = new Option<FileInfo?>("--html") { Description = "Write a self-contained HTML report here.", HelpName = "file" };
        var ipynb = new Option<FileInfo?>("--ipynb") { Description = "Write the executed notebook (with outputs) here.", HelpName = "file" };
        var parameters = new Option<string[]>("--param")
        {
            Description = "NAME=VALUE for a variable of the cell tagged 'parameters' (repeatable). Relative paths are relative to the notebook's folder, as in VS Code.",
            HelpName = "name=value",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var timeout = new Option<double>("--cell-timeout") { Description = "Seconds a single cell may run.", HelpName = "seconds", DefaultValueFactory = _ => 300 };
        var page = new PageOptions();
        var keepGoing = new Option<bool>("--keep-going") { Description = "Run the remaining cells after a failed cell (default: stop at the first failure)." };

        var run = new Command("run", "Runs a notebook's C# cells headless and writes the executed notebook and/or an HTML report. Exit codes: 0 every cell ran; 1 cannot run (arguments, parameters, files); 2 a cell failed (outputs still written); 3 malformed notebook.")
        {
            file, html, ipynb, parameters, timeout, keepGoing,
        };
        page.AddTo(run);
        run.Validators.Add(result =>
        {
            // The page options shape the HTML: without --html they would do nothing.
            if (result.GetResult(html) is null)
            {
                foreach (var option in page.All.Where(o => result.GetResult(o) is { Implicit: false }))
                    result.AddError($"{option.Name} applies only with --html <file>");
            }
        });
        run.SetAction(parse =>
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(parameters) ?? [])
            {
                var eq = pair.IndexOf('=');
                if (eq <= 0)
                {
                    Console.Error.WriteLine($"error: --param '{pair}' is not NAME=VALUE");
                    return CannotRun;
                }

                values[pair[..eq]] = pair[(eq + 1)..];
            }

            return Run(parse.GetValue(file)!, parse.GetValue(html), parse.GetValue(ipynb), new RunOptions
            {
                Parameters = values,
                CellTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                KeepGoing = parse.GetValue(keepGoing),
            }, page.Get(parse));
        });

        return new Command("notebook", "Polyglot notebooks (C#): run them headless.") { run };
    }

    internal static int Run(FileInfo file, FileInfo? html, FileInfo? ipynb, RunOptions options, ReportOptions? page = null)
    {
        NotebookRun result;
        try
        {
            result = NotebookRunner.Run(file.FullName, options);
        }
        catch (NotebookFormatException e)
        {
            Console.Error.WriteLine($"error: malformed notebook: {e.Message}");
            return Malformed;
        }
        catch (Exception e) when (e is FileNotFoundException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return CannotRun;
        }

        try
        {
            if (ipynb is not null)
                NotebookWriter.Write(result.Notebook, ipynb.FullName);
            if (html is not null)
                HtmlReport.Write(html.FullName, [result], page ?? new ReportOptions());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot write the outputs: {e.Message}");
            return CannotRun;
        }

        var ran = result.Cells.Count(c => c.Status != CellStatus.NotRun);
        var seconds = result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (result.FirstFailure is { } failure)
        {
            Console.Error.WriteLine($"error: {file.Name}: {failure.Error}");
            var skipped = result.Cells.Count(c => c.Status == CellStatus.NotRun);
            Console.WriteLine($"{file.Name}: {result.Cells.Count(c => c.Status == CellStatus.Failed)} of {ran} cells failed in {seconds} s"
                + (skipped > 0 ? $"; {skipped} later cells not run" : ""));
            return CellFailed;
        }

        Console.WriteLine($"{file.Name}: {ran} cells ran in {seconds} s");
        return Ok;
    }
}
