using System.CommandLine;
using System.Text;
using Microsoft.Data.Analysis;
using NewsLens.Cli.Output;

namespace NewsLens.Cli.Commands;

/// <summary>
/// <c>newslens cooccurrence &lt;paths…&gt; --window sentence|paragraph|article [--measure npmi] [--min-count N] [--top N]
/// [--kinds person,organization] [--period month|quarter|year] [--matrix] --format table|csv|jsonl</c>.
/// </summary>
internal static class CooccurrenceCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders of articles.", Arity = ArgumentArity.OneOrMore };
        var window = new Option<CooccurrenceWindow>("--window")
        {
            Description = "Actors count as together within a sentence, paragraph or article.",
            DefaultValueFactory = _ => CooccurrenceWindow.Sentence,
        };
        var measure = new Option<AssociationMeasure>("--measure")
        {
            Description = "Orders the pairs and fills the matrix: count, pmi, npmi, jaccard or g2.",
            DefaultValueFactory = _ => AssociationMeasure.Npmi,
        };
        var minCount = new Option<int>("--min-count")
        {
            Description = "Keep pairs seen together in at least N windows.",
            DefaultValueFactory = _ => 1,
        };
        minCount.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
                r.AddError("--min-count must be at least 1");
        });
        var top = new Option<int?>("--top") { Description = "Keep the N strongest pairs by the measure (per period)." };
        top.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
                r.AddError("--top must be at least 1");
        });
        var kinds = new Option<ActorKind[]>("--kinds")
        {
            Description = "Only these kinds of actors: person, organization, place (comma-separated or repeated).",
            AllowMultipleArgumentsPerToken = true,
            CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(v => Enum.TryParse<ActorKind>(v, ignoreCase: true, out var kind) ? kind : Fail(r, v)).ToArray(),
        };
        var period = new Option<TimeBucket?>("--period") { Description = "Count separately per month, quarter or year of publication." };
        var matrix = new Option<bool>("--matrix") { Description = "Print the square actor × actor matrix of the measure instead of the edge list." };
        var catalog = ActorsCommand.CatalogOption();
        var format = TableOutput.CreateFormatOption();
        var command = new Command("cooccurrence", "Which actors appear together, with counts, PMI, NPMI, Jaccard and G².")
        {
            paths, window, measure, minCount, top, kinds, period, matrix, catalog, format,
        };
        command.SetAction(parse =>
        {
            var options = new CooccurrenceOptions
            {
                Window = parse.GetValue(window),
                Measure = parse.GetValue(measure),
                MinCount = parse.GetValue(minCount),
                Top = parse.GetValue(top),
                Kinds = parse.GetValue(kinds) is { Length: > 0 } k ? k.ToHashSet() : null,
                Period = parse.GetValue(period),
            };
            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            return Run(parse.GetValue(paths)!, options, parse.GetValue(matrix), parse.GetValue(catalog), parse.GetValue(format), output, Console.Error);
        });
        return command;
    }

    /// <summary>Exit codes as for <c>actors</c>: 0 done, 1 usage error, 2 some inputs skipped.</summary>
    internal static int Run(
        string[] paths, CooccurrenceOptions options, bool matrix, string? catalogPath, OutputFormat format, TextWriter output, TextWriter errors)
    {
        if (ActorsCommand.LoadInputs(paths, catalogPath, errors) is not var (corpus, catalog))
            return 1;
        TableOutput.Write(Table(corpus.Cooccurrence(options, catalog), matrix), format, output);
        return ActorsCommand.ExitCode(corpus);
    }

    internal static DataFrame Table(CooccurrenceTable table, bool matrix) => matrix ? table.ToMatrix() : table.ToDataFrame();

    private static ActorKind Fail(System.CommandLine.Parsing.ArgumentResult result, string value)
    {
        result.AddError($"--kinds: '{value}' is not person, organization or place");
        return default;
    }
}
