using System.CommandLine;
using System.Globalization;
using NewsLens.Cli.Inputs;
using NewsLens.Cli.Output;

namespace NewsLens.Cli.Commands;

/// <summary><c>newslens bench [--input FILE] [--repeat N]</c>: stage and pipeline throughput, allocations and memory.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "Corpus file or folder to measure on.",
            HelpName = "path",
            DefaultValueFactory = _ => "seeds",
        };
        var repeat = CliOptions.Count("--repeat", "Stream the input <n> times for the large run (cost per MB at 1× vs n×).", 10, 1, "-r");
        var threads = CliOptions.Count("--threads", "Threads to compare with one [default: one per core].", Environment.ProcessorCount, 1, "-t");
        string[] partNames = ["stages", "pipeline", "scale"];
        var only = new Option<BenchmarkParts[]>("--only")
        {
            Description = "Run only these parts.",
            HelpName = string.Join('|', partNames),
            AllowMultipleArgumentsPerToken = true,
            CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(v =>
                {
                    if (partNames.Contains(v, StringComparer.OrdinalIgnoreCase))
                        return Enum.Parse<BenchmarkParts>(v, ignoreCase: true);
                    r.AddError($"--only: '{v}' is not one of {string.Join(", ", partNames)}");
                    return default;
                }).ToArray(),
        };
        var passes = CliOptions.Count("--passes", "Measured passes for the stage figures; each stage reports its median pass (at most 10 s of them).", 5);
        var rounds = CliOptions.Count("--rounds", "Large runs with one thread and with --threads, in turn; the speed-up printed is the median over rounds.", 1);
        var shards = new Option<int>("--shards")
        {
            Description = "Instead: run the <n> shards of the input one after another and print the bytes they read over the corpus size and each shard's time.",
            HelpName = "n",
        };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Skip the one-thread pipeline runs (e.g. for a long memory run)." };
        var format = TableOutput.CreateFormatOption();
        var command = new Command("bench", "Measures each stage and the whole pipeline: MB/s, articles/s, allocations, peak memory.")
        {
            input, repeat, threads, rounds, passes, only, noBaseline, shards, format,
        };
        command.Subcommands.Add(StatementsBenchCommand.Create());
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                Console.Error.WriteLine($"error: --input: no such file or folder: {path}");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(shards) is > 0 and var count)
                return RunShards(path, count, parse.GetValue(threads));

            var parts = parse.GetValue(only) is { Length: > 0 } chosen ? chosen.Aggregate((a, b) => a | b) : BenchmarkParts.All;
            var options = new BenchmarkOptions
            {
                Input = path,
                Repeat = parse.GetValue(repeat),
                Threads = parse.GetValue(threads),
                Rounds = parse.GetValue(rounds),
                StagePasses = parse.GetValue(passes),
                Parts = parts,
                Baseline = !parse.GetValue(noBaseline),
            };
            Console.Error.WriteLine($"bench: {path}, repeat {options.Repeat}, threads 1 vs {options.Threads}, {Environment.ProcessorCount} cores");
            var figures = PipelineBenchmark.Run(options, figure => Console.Error.WriteLine(
                $"  {figure.Name,-14} {figure.Threads} thr  {figure.MegabytesPerSecond,8:0.0} MB/s  {figure.ArticlesPerSecond,9:0} art/s  {figure.Seconds,7:0.00} s" +
                (figure.CoresUsed is { } cores ? $"  {cores,4:0.00} cores" : "") +
                (figure.StageSeconds is { } stages ? "  (" + string.Join(", ", stages.Select(s => $"{s.Key} {s.Value:0.0}")) + ")" : "")));
            TableOutput.Write(PipelineBenchmark.ToDataFrame(figures), format.Value(parse), Console.Out);
            PrintRatios(figures);
            return 0;
        });
        return command;
    }

    private static int RunShards(string path, int count, int threads)
    {
        Console.Error.WriteLine($"bench: {path}, {count} shards one after another, {threads} threads each, {Environment.ProcessorCount} cores");
        var result = ShardBenchmark.Run([path], count, Math.Max(1, threads), onShard: s => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"shard {s.Shard,-6} {s.Articles,9:N0} articles  {s.BytesRead / 1e6,8:0.0} MB read  {s.BytesScanned / 1e6,7:0.0} MB scanned  {s.Seconds,7:0.00} s  {s.CpuSeconds,7:0.00} s cpu")));
        var seconds = result.Shards.Select(s => s.Seconds).ToArray();
        var cpu = result.Shards.Select(s => s.CpuSeconds).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"corpus {result.CorpusBytes / 1e6:0.0} MB; bytes read by all shards / corpus = {result.ReadRatio:0.000} (with bytes scanned to number records: {result.ReadAndScanRatio:0.000})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"shard time: mean {seconds.Average():0.00} s, slowest {seconds.Max():0.00} s; balance (slowest / mean) = {result.Balance:0.00}; " +
            $"processor time: mean {cpu.Average():0.00} s, slowest {cpu.Max():0.00} s; balance = {result.CpuBalance:0.00}"));
        return 0;
    }

    private static void PrintRatios(IReadOnlyList<BenchmarkFigure> figures)
    {
        foreach (var speedUp in PipelineBenchmark.SpeedUps(figures))
        {
            var spread = speedUp.Ratios.Count > 1
                ? $" (median of {speedUp.Ratios.Count} rounds, {speedUp.Ratios.Min():0.00}–{speedUp.Ratios.Max():0.00})"
                : "";
            Console.WriteLine($"{speedUp.Run}: {speedUp.Threads} threads = {speedUp.Median:0.00}× one thread{spread}");
        }

        var pipelines = figures.Where(f => f.Name.StartsWith("pipeline", StringComparison.Ordinal)).ToArray();
        var small = pipelines.Where(f => f.Name == "pipeline 1×").MaxBy(f => f.Threads);
        var large = pipelines.Where(f => f.Name != "pipeline 1×" && f.Threads == small?.Threads).FirstOrDefault();
        if (small is not null && large is not null)
            Console.WriteLine($"cost per MB: {small.SecondsPerMegabyte * 1000:0.0} ms at {small.Megabytes:0} MB, {large.SecondsPerMegabyte * 1000:0.0} ms at {large.Megabytes:0} MB ({large.SecondsPerMegabyte / small.SecondsPerMegabyte:0.00}×)");
    }
}
