using System.CommandLine;
using System.Globalization;

namespace NewsLens.Cli.Commands;

/// <summary>
/// <c>newslens statements OUT/ [--max-days N]</c>: links the quotes of every shard of an analysis folder into
/// statements, writes the <c>statement</c> id into each quotes file and one <c>statements</c> table.
/// </summary>
internal static class StatementsCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "An analysis output folder (newslens analyze --out), any number of shards." };
        var maxDays = new Option<int>("--max-days")
        {
            Description = "Non-verbatim renderings (near-identical, translations) must appear within this many days of each other.",
            DefaultValueFactory = _ => StatementOptions.Default.MaxDaysApart,
        };
        var command = new Command("statements", "Links quotes across all shards of an analysis folder into statements (same utterance, any outlet).")
        {
            folder, maxDays,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(folder)!;
            if (!Directory.Exists(path))
            {
                Console.Error.WriteLine($"error: no such folder: {path}");
                return 1;
            }

            try
            {
                // The merge step after a sharded run: refuse a partial run or one mixed with another run's files.
                if (ShardRun.Of(path) is { } run)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{run.Manifests.Count} of {run.Count} shards: {run.Manifests.Sum(m => m.Articles):N0} articles; bytes read / corpus {run.ReadRatio:0.000}; " +
                        $"balance (slowest / mean wall time) {run.Balance:0.00}"));
                    if (run.Missing.Count > 0)
                        Console.Error.WriteLine($"error: shard(s) {string.Join(", ", run.Missing)} of {run.Count} have no manifest (not run, failed or still running): run them, then this again");
                    if (run.OtherRuns.Count > 0)
                        Console.Error.WriteLine($"error: files of a run with another number of shards would be read twice; remove them: {string.Join(", ", run.OtherRuns.Take(10))}" +
                            (run.OtherRuns.Count > 10 ? $" … ({run.OtherRuns.Count} in all)" : ""));
                    if (!run.Complete)
                        return 1;
                    if (run.DuplicateIdCount > 0)
                        Console.Error.WriteLine($"warning: {run.DuplicateIdCount} article id(s) held by more than one article (the same own id in two files; " +
                            $"an unsharded run or --shard-by articleid renames them id~2): {string.Join(", ", run.DuplicateIds.Take(5))}");
                }

                var summary = StatementTables.Link(path, StatementOptions.Default with { MaxDaysApart = parse.GetValue(maxDays) });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{summary.Quotes:N0} quotes from {summary.QuoteFiles} files -> {summary.Statements:N0} statements " +
                    $"({summary.LinkedQuotes:N0} quotes in statements carried more than once) in {summary.Seconds:0.0} s"));
                Console.WriteLine($"wrote {Path.Combine(path, "statements", StatementTables.FileName)} and the statement column of every quotes file");
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
