using System.CommandLine;
using System.Globalization;

namespace NewsLens.Cli.Commands;

/// <summary><c>newslens bench statements [--input PATH...] [--quotes N] [--threads N]</c>: statement linking at scale.</summary>
internal static class StatementsBenchCommand
{
    public static Command Create()
    {
        var input = new Option<string[]>("--input", "-i")
        {
            Description = "Corpora whose quotes seed the run (repeatable; default: the seeds folder).",
            AllowMultipleArgumentsPerToken = true,
        };
        var quotes = new Option<int>("--quotes", "-n") { Description = "Quotes to link.", DefaultValueFactory = _ => 1_000_000 };
        var threads = new Option<int>("--threads", "-t") { Description = "Linking threads.", DefaultValueFactory = _ => 2 };
        var command = new Command("statements", "Links N quotes (real quotes repeated with perturbations) into statements: time, quotes/s, memory.")
        {
            input, quotes, threads,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(input) is { Length: > 0 } given ? given : ["seeds"];
            var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToArray();
            if (missing.Length > 0)
            {
                Console.Error.WriteLine($"error: no such file or folder: {string.Join(", ", missing)}");
                return 1;
            }

            var loadBefore = LoadAverage();
            var result = StatementBenchmark.Run(
                new StatementBenchmarkOptions { Inputs = paths, Quotes = Math.Max(1, parse.GetValue(quotes)), Threads = Math.Max(1, parse.GetValue(threads)) },
                line => Console.Error.WriteLine(line));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"linked {result.Quotes:N0} quotes ({result.SourceQuotes:N0} real ones, repeated with perturbations) on {result.Threads} threads ({Environment.ProcessorCount} cores) " +
                $"in {result.LinkSeconds:0.00} s wall, {result.LinkCpuSeconds:0.00} s CPU " +
                $"({result.QuotesPerSecond:N0} quotes/s) -> {result.Statements:N0} statements, {result.QuotesInSharedStatements:N0} quotes in statements carried more than once"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"memory: peak working set {result.PeakWorkingSetMegabytes:N0} MB, managed heap {result.HeapBeforeMegabytes:N0} MB before (the quotes) and {result.HeapAfterMegabytes:N0} MB after, {result.AllocatedMegabytes:N0} MB allocated while linking"));
            if (loadBefore is not null)
                Console.WriteLine($"load average (1, 5, 15 min) before: {loadBefore}; after: {LoadAverage()} (other processes share the cores: wall time measures them too, CPU time does not)");
            return 0;
        });
        return command;
    }

    // The machine's load, where the system reports it (Linux), so a figure comes with the conditions it was taken in.
    private static string? LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
