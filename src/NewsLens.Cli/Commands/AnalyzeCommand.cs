using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace NewsLens.Cli.Commands;

/// <summary><c>newslens analyze &lt;paths…&gt; --out DIR</c>: the whole pipeline to Parquet or CSV tables plus a manifest.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to analyse.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Output folder for the tables and manifest.json.", Required = true };
        var format = new Option<AnalysisFormat>("--format", "-f")
        {
            Description = "Table format: parquet (partitioned by year/month, for DuckDB, Spark, Trino) or csv.",
            DefaultValueFactory = _ => AnalysisFormat.Parquet,
        };
        var shard = new Option<Shard>("--shard")
        {
            Description = "Analyse only slice I of N (e.g. 2/8); the union of all N outputs is the whole corpus. " +
                "'auto' takes it from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, JOB_COMPLETIONS) or a Slurm array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT).",
            HelpName = "I/N|auto",
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
                    result.AddError(e.Message);
                    return Shard.All;
                }
            },
        };
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Worker threads (default: one per core).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
                result.AddError("--threads must be at least 1");
        });
        var shardBy = new Option<ShardBy>("--shard-by")
        {
            Description = "How shards are cut: input (each shard reads only its share of the bytes) or articleid " +
                "(every shard reads everything and keeps the ids hashing to it; duplicate ids renamed as unsharded).",
            DefaultValueFactory = _ => ShardBy.Input,
        };
        var progress = new Option<bool>("--progress") { Description = "Show progress on stderr even when it is not a terminal." };
        var metadata = new Option<string?>("--metadata")
        {
            Description = "A CSV or JSON file with a 'file' column whose title/outlet/site/author/published/url override what was recovered.",
        };
        var columns = new Option<string?>("--columns")
        {
            Description = "JSON/CSV column mapping for uncommon names, e.g. 'text=body_html,date=pub_time'.",
        };

        var command = new Command("analyze", "Runs actors, quotes, sentiment and co-occurrence over a corpus and writes the tables.")
        {
            paths, output, format, shard, shardBy, threads, progress, metadata, columns,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var outputDirectory = parse.GetValue(output)!;
            var inputs = parse.GetValue(paths)!;
            var missing = inputs.Where(p => p.IndexOfAny(['*', '?', '[']) < 0 && !File.Exists(p) && !Directory.Exists(p)).ToArray();
            foreach (var path in missing)
                Console.Error.WriteLine($"error: no such file or folder: {path}");
            if (missing.Length > 0)
                return Task.FromResult(1);
            var metadataFile = parse.GetValue(metadata);
            if (metadataFile is not null && !File.Exists(metadataFile))
            {
                Console.Error.WriteLine($"error: no such metadata file: {metadataFile}");
                return Task.FromResult(1);
            }

            ColumnMap map;
            try
            {
                map = parse.GetValue(columns) is { } spec ? ColumnMap.Parse(spec) : new ColumnMap();
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine("error: --columns: " + e.Message);
                return Task.FromResult(1);
            }

            var options = new AnalysisOptions
            {
                Format = parse.GetValue(format),
                Shard = parse.GetValue(shard),
                ShardBy = parse.GetValue(shardBy),
                Threads = parse.GetValue(threads),
                Load = new LoadOptions { MetadataFile = metadataFile, Columns = map },
            };

            // A live bar on a terminal; plain lines every few seconds when asked for with stderr redirected (logs, batch jobs).
            var manifest = !Console.IsErrorRedirected
                ? RunWithProgress(options, inputs, outputDirectory, cancellationToken)
                : new Pipeline(parse.GetValue(progress)
                    ? options with { Progress = new LineProgress(Console.Error), ProgressInterval = TimeSpan.FromSeconds(5) }
                    : options).Run(inputs, outputDirectory, cancellationToken);
            PrintSummary(manifest, outputDirectory);
            foreach (var diagnostic in manifest.Diagnostics)
                Console.Error.WriteLine(diagnostic);
            if (manifest.DiagnosticCount > manifest.Diagnostics.Count)
                Console.Error.WriteLine($"… and {manifest.DiagnosticCount - manifest.Diagnostics.Count} more diagnostics");
            return Task.FromResult(manifest.SkippedCount > 0 ? 2 : 0);
        });
        return command;
    }

    private static AnalysisManifest RunWithProgress(AnalysisOptions options, string[] inputs, string outputDirectory, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        AnalysisManifest? manifest = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("analysing").IsIndeterminate();
                var reporter = new Progress(task);
                manifest = new Pipeline(options with { Progress = reporter }).Run(inputs, outputDirectory, cancellationToken);
                task.StopTask();
            });
        return manifest!;
    }

    private static void PrintSummary(AnalysisManifest manifest, string outputDirectory)
    {
        var counts = string.Join(", ", manifest.Tables.Select(t => $"{t.Name} {t.Rows.ToString("N0", CultureInfo.InvariantCulture)}"));
        Console.WriteLine($"{manifest.Articles.ToString("N0", CultureInfo.InvariantCulture)} articles (shard {manifest.Shard}) in {manifest.Timings.WallSeconds:0.0} s " +
            $"({manifest.Timings.ArticlesPerSecond:0} articles/s, {manifest.Timings.MegabytesPerSecond:0.0} MB/s, {manifest.Threads} threads)");
        Console.WriteLine(counts);
        Console.WriteLine($"wrote {manifest.Format} to {outputDirectory} ({AnalysisManifest.FileName(Shard.Parse(manifest.Shard))})");
    }

    private static string Describe(AnalysisProgress value) => string.Create(CultureInfo.InvariantCulture,
        $"{value.Articles:N0} articles · {value.ArticlesPerSecond:N0} articles/s · {value.Characters / 1e6 / Math.Max(value.Elapsed.TotalSeconds, 1e-9):0.0} M chars/s");

    // Reports arrive on the pipeline's writer thread; Spectre's progress task is safe to update from there.
    private sealed class Progress(ProgressTask task) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => task.Description = Describe(value);
    }

    private sealed class LineProgress(TextWriter writer) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => writer.WriteLine($"{value.Elapsed:hh\\:mm\\:ss} {Describe(value)}{(value.Completed ? " (done)" : "")}");
    }
}
