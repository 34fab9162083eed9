using System.CommandLine;
using Microsoft.Data.Analysis;
using NewsLens.Cli.Inputs;
using NewsLens.Cli.Output;

namespace NewsLens.Cli.Commands;

/// <summary>
/// <c>newslens cooccurrence &lt;paths…&gt; --window sentence|paragraph|article [--measure npmi] [--min-count N] [--top N]
/// [--kinds person,organization] [--period month|quarter|year] [--matrix] --format table|csv|jsonl</c>.
/// </summary>
internal static class CooccurrenceCommand
{
    /// <summary>
    /// The default --min-count for a measure. PMI, NPMI and Jaccard give their highest score to a pair of rare actors seen
    /// together once (NPMI 1 for two actors named once, in the same sentence), so rankings by them start at 3 shared windows,
    /// which keeps such chance pairs off the top; counts and G² already weigh the evidence and keep every pair.
    /// </summary>
    internal static int DefaultMinCount(AssociationMeasure measure) =>
        measure is AssociationMeasure.Pmi or AssociationMeasure.Npmi or AssociationMeasure.Jaccard ? 3 : 1;

    public static Command Create()
    {
        var paths = CorpusInputs.Paths();
        var window = new ChoiceOption<CooccurrenceWindow>("--window", "Actors count as together within a sentence, paragraph or article.", CooccurrenceWindow.Sentence);
        var measure = new ChoiceOption<AssociationMeasure>("--measure", "Orders the pairs and fills the matrix.", AssociationMeasure.Npmi);
        var minCount = CliOptions.OptionalCount("--min-count",
            "Keep pairs seen together in at least <n> windows [default: 3 for npmi, pmi and jaccard, which rate a pair of rare actors seen together once highest; 1 for count and g2].");
        var top = CliOptions.OptionalCount("--top", "Keep the <n> strongest pairs by the measure (per period).");
        var kinds = new Option<ActorKind[]>("--kinds")
        {
            Description = "Only these kinds of actors (comma-separated or repeated).",
            HelpName = "person,organization,place",
            AllowMultipleArgumentsPerToken = true,
            CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(v => Enum.TryParse<ActorKind>(v, ignoreCase: true, out var kind) && !int.TryParse(v, out _) ? kind : Fail(r, v)).ToArray(),
        };
        var period = new ChoiceOption<TimeBucket>("--period", "Count separately per period of publication.");
        var matrix = new Option<bool>("--matrix") { Description = "Print the square actor × actor matrix of the measure instead of the edge list (pairs never seen together are blank, except for count)." };
        var catalog = ActorsCommand.CatalogOption();
        var format = TableOutput.CreateFormatOption();
        var metadata = CorpusInputs.Metadata();
        var columns = CorpusInputs.Columns();
        var outlets = CorpusInputs.Outlets();
        var command = new Command("cooccurrence", "Which actors appear together, with counts, PMI, NPMI, Jaccard and G².")
        {
            paths, window, measure, minCount, top, kinds, period, matrix, catalog, format, metadata, columns, outlets,
        };
        command.SetAction(parse =>
        {
            var errors = CorpusInputs.Errors(parse);
            if (CorpusInputs.Options(parse.GetValue(metadata), parse.GetValue(columns), errors, parse.GetValue(outlets)) is not { } load)
                return ExitCodes.Usage;
            var chosen = measure.Value(parse);
            var options = new CooccurrenceOptions
            {
                Window = window.Value(parse),
                Measure = chosen,
                MinCount = parse.GetValue(minCount) ?? DefaultMinCount(chosen),
                Top = parse.GetValue(top),
                Kinds = parse.GetValue(kinds) is { Length: > 0 } k ? k.ToHashSet() : null,
                Period = period.Get(parse),
            };
            var output = CorpusInputs.Output(parse);
            try
            {
                return Run(parse.GetValue(paths)!, options, parse.GetValue(matrix), parse.GetValue(catalog), format.Value(parse), output, errors, load);
            }
            finally
            {
                output.Flush();
            }
        });
        return command;
    }

    /// <summary>Exit codes as for <c>actors</c>: 0 done, 1 usage error, 2 some inputs skipped.</summary>
    internal static int Run(
        string[] paths, CooccurrenceOptions options, bool matrix, string? catalogPath, OutputFormat format, TextWriter output, TextWriter errors,
        LoadOptions? load = null)
    {
        if (ActorsCommand.LoadInputs(paths, catalogPath, errors, load) is not var (corpus, catalog, report))
            return ExitCodes.Usage;
        TableOutput.Write(Table(corpus.Cooccurrence(options, catalog), matrix), format, output);
        return report.Finish();
    }

    internal static DataFrame Table(CooccurrenceTable table, bool matrix) => matrix ? table.ToMatrix() : table.ToDataFrame();

    private static ActorKind Fail(System.CommandLine.Parsing.ArgumentResult result, string value)
    {
        result.AddError($"--kinds: '{value}' is not one of {string.Join(", ", ChoiceOption<ActorKind>.Names)}");
        return default;
    }
}
