using System.CommandLine;
using System.Globalization;
using NewsLens.Cli.Inputs;
using Spectre.Console;

namespace NewsLens.Cli.Commands;

/// <summary><c>newslens analyze &lt;paths…&gt; --out DIR</c>: the whole pipeline to Parquet or CSV tables plus a manifest.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = CorpusInputs.Paths();
        var output = new Option<string>("--out", "-o") { Description = "Output folder for the tables and manifest.json.", HelpName = "dir", Required = true };
        var format = new ChoiceOption<AnalysisFormat>("--format",
            "Table format: parquet (partitioned by year/month, for DuckDB, Spark, Trino) or csv.", AnalysisFormat.Parquet, "-f");
        var shard = new Option<Shard>("--shard")
        {
            Description = "Analyse only slice <i> of <n> (e.g. 2/8); the union of all n outputs is the whole corpus. " +
                "'auto' takes it from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, JOB_COMPLETIONS) or a Slurm array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT).",
            HelpName = "i/n|auto",
            DefaultValueFactory = _ => Shard.All,
            CustomParser = result =>
            {
                try
                {
                    var text = result.Tokens.Single().Value;
                    return text.Equals("auto", StringComparison.OrdinalIgnoreCase) ? Shard.FromEnvironment() : Shard.Parse(text);
                }
                catch (FormatException e)
                {
                    result.AddError("--shard: " + e.Message);
                    return Shard.All;
                }
            },
        };
        var threads = CliOptions.Count("--threads", "Worker threads [default: one per core].", Environment.ProcessorCount, 1, "-t");
        var shardBy = new ChoiceOption<ShardBy>("--shard-by",
            "How shards are cut: input (each shard reads only its share of the bytes) or articleid " +
            "(every shard reads everything and keeps the ids hashing to it; duplicate ids renamed as unsharded).", ShardBy.Input);
        var allowSkipped = new Option<bool>("--allow-skipped")
        {
            Description = "Exit 0 even when files or records were skipped (each is named on stderr and in the manifest), for batch jobs; " +
                "an input that gives no file, or inputs of no bytes at all, still exit 2.",
        };
        var progress = new Option<bool>("--progress") { Description = "Show progress (share of the input read, ETA) on stderr even when it is not a terminal." };
        var metadata = CorpusInputs.Metadata();
        var columns = CorpusInputs.Columns();
        var outlets = CorpusInputs.Outlets();

        var command = new Command("analyze", "Runs actors, quotes, sentiment and co-occurrence over a corpus and writes the tables.")
        {
            paths, output, format, shard, shardBy, threads, allowSkipped, progress, metadata, columns, outlets,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var errors = CorpusInputs.Errors(parse);
            var outputDirectory = parse.GetValue(output)!;
            var inputs = parse.GetValue(paths)!;
            if (CorpusInputs.Options(parse.GetValue(metadata), parse.GetValue(columns), errors, parse.GetValue(outlets)) is not { } load)
                return Task.FromResult(ExitCodes.Usage);

            // The loader knows how much of the input it has read: the share done and the time left follow from it.
            var reading = new ReadShare();
            var options = new AnalysisOptions
            {
                Format = format.Value(parse),
                Shard = parse.GetValue(shard),
                ShardBy = shardBy.Value(parse),
                Threads = parse.GetValue(threads),
                Load = load with { Progress = reading },
            };

            // A live bar on a terminal; plain lines every few seconds when asked for with stderr redirected (logs, batch jobs).
            var manifest = !Console.IsErrorRedirected && errors == Console.Error
                ? RunWithProgress(options, reading, inputs, outputDirectory, cancellationToken)
                : new Pipeline(parse.GetValue(progress)
                    ? options with { Progress = new LineProgress(errors, reading), ProgressInterval = TimeSpan.FromSeconds(5) }
                    : options).Run(inputs, outputDirectory, cancellationToken);
            var stdout = CorpusInputs.Output(parse);
            PrintSummary(manifest, outputDirectory, stdout);
            stdout.Flush();
            var report = new LoadReport(errors);
            foreach (var diagnostic in manifest.Diagnostics)
                report.Add(diagnostic);
            if (manifest.DiagnosticCount > manifest.Diagnostics.Count)
                errors.WriteLine($"… and {manifest.DiagnosticCount - manifest.Diagnostics.Count} more diagnostics (all in manifest.json)");
            if (manifest.InputMissing)
            {
                errors.WriteLine(manifest.UnmatchedInputs.Count > 0
                    ? $"error: no input: {string.Join(", ", manifest.UnmatchedInputs)} gave no file to read; exit code 2"
                    : "error: no input: the input files hold no bytes; exit code 2");
                return Task.FromResult(ExitCodes.Skipped);
            }

            if (parse.GetValue(allowSkipped) && manifest.SkippedCount > 0)
            {
                errors.WriteLine($"{manifest.SkippedCount.ToString("N0", CultureInfo.InvariantCulture)} skipped (see above and the manifest); --allow-skipped: exit code 0");
                return Task.FromResult(ExitCodes.Ok);
            }

            var code = report.Finish();
            return Task.FromResult(manifest.SkippedCount > 0 ? ExitCodes.Skipped : code);
        });
        return command;
    }

    private static AnalysisManifest RunWithProgress(
        AnalysisOptions options, ReadShare reading, string[] inputs, string outputDirectory, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        AnalysisManifest? manifest = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("analysing", maxValue: 1);
                var reporter = new Progress(task, reading);
                manifest = new Pipeline(options with { Progress = reporter }).Run(inputs, outputDirectory, cancellationToken);
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return manifest!;
    }

    private static void PrintSummary(AnalysisManifest manifest, string outputDirectory, TextWriter output)
    {
        var counts = string.Join(", ", manifest.Tables.Select(t => $"{t.Name} {t.Rows.ToString("N0", CultureInfo.InvariantCulture)}"));
        output.WriteLine($"{manifest.Articles.ToString("N0", CultureInfo.InvariantCulture)} articles (shard {manifest.Shard}) in {manifest.Timings.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s " +
            $"({manifest.Timings.ArticlesPerSecond.ToString("0", CultureInfo.InvariantCulture)} articles/s, {manifest.Timings.MegabytesPerSecond.ToString("0.0", CultureInfo.InvariantCulture)} MB/s, {manifest.Threads} threads)");
        output.WriteLine(counts);
        output.WriteLine($"wrote {manifest.Format} to {outputDirectory} ({AnalysisManifest.FileName(Shard.Parse(manifest.Shard))})");
    }

    private static string Describe(AnalysisProgress value) => string.Create(CultureInfo.InvariantCulture,
        $"{value.Articles:N0} articles · {value.ArticlesPerSecond:N0} articles/s · {value.Characters / 1e6 / Math.Max(value.Elapsed.TotalSeconds, 1e-9):0.0} M chars/s");

    /// <summary>"12 % · ETA 0:01:05" from the share of input bytes read; empty while the size is unknown.</summary>
    internal static string Estimate(double? share, TimeSpan elapsed)
    {
        if (share is not { } done)
            return "";
        var text = string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(done * 100):0} %");
        if (done is > 0.01 and < 1)
        {
            var left = TimeSpan.FromSeconds(Math.Round(elapsed.TotalSeconds * (1 - done) / done));
            text += $" · ETA {left:h\\:mm\\:ss}";
        }

        return text;
    }

    /// <summary>The latest share of the input bytes the loader has read (null until the total is known).</summary>
    private sealed class ReadShare : IProgress<LoadProgress>
    {
        private double _share = -1;

        public double? Value => Volatile.Read(ref _share) is var s and >= 0 ? s : null;

        public void Report(LoadProgress value)
        {
            if (value.BytesTotal > 0)
                Volatile.Write(ref _share, Math.Min(1.0, (double)value.BytesDone / value.BytesTotal));
        }
    }

    // Reports arrive on the pipeline's writer thread; Spectre's progress task is safe to update from there.
    private sealed class Progress(ProgressTask task, ReadShare reading) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value)
        {
            task.Description = Describe(value);
            if (reading.Value is { } share)
                task.Value = share;
        }
    }

    private sealed class LineProgress(TextWriter writer, ReadShare reading) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value)
        {
            var estimate = value.Completed ? "100 %" : Estimate(reading.Value, value.Elapsed);
            writer.WriteLine($"{value.Elapsed:hh\\:mm\\:ss} {(estimate.Length > 0 ? estimate + " · " : "")}{Describe(value)}{(value.Completed ? " (done)" : "")}");
        }
    }
}
