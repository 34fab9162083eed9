using System.CommandLine;
using Microsoft.Data.Analysis;
using NewsLens.Cli.Inputs;
using NewsLens.Cli.Output;

namespace NewsLens.Cli.Commands;

/// <summary>What <c>newslens quotes</c> reports one row for.</summary>
internal enum QuoteLevel
{
    Quote,
    Speaker,
    Outlet,
    Period,
    Statement,
}

/// <summary>
/// <c>newslens quotes &lt;paths…&gt; [--by quote|speaker|outlet|period|statement] [--count quotes|statements] [--period month] [--format table|csv|jsonl]</c>:
/// every direct quotation with its speaker and statement, who is quoted how often, or one row per statement. Quote rows
/// (jsonl): article, file, speaker, speaker_mention, resolution, cue, quote, kind, start, end, confidence, rule, statement.
/// </summary>
internal static class QuotesCommand
{
    /// <summary>The documented fields of a quote row, in order.</summary>
    internal static readonly string[] QuoteColumns = ["article", "file", "speaker", "speaker_mention", "resolution", "cue", "quote", "kind", "start", "end", "confidence", "rule", "statement"];

    public static Command Create()
    {
        var paths = CorpusInputs.Paths();
        var by = new ChoiceOption<QuoteLevel>("--by",
            "One row per quote, quote counts per speaker, per outlet and speaker, or per period and speaker, or one row per statement (renderings of one utterance across articles and outlets).", QuoteLevel.Quote);
        var count = new ChoiceOption<QuoteCount>("--count",
            "For --by speaker|outlet|period: count quotes, or statements (a statement carried by five outlets counts once).", QuoteCount.Quotes);
        var period = new ChoiceOption<TimeBucket>("--period", "The period for --by period, of the published date.", TimeBucket.Month);
        var cues = CliOptions.File("--cues", "A file of extra cue verbs (one base form per line, as in the shipped cue-verbs.txt).");
        var catalog = ActorsCommand.CatalogOption();
        var attributedOnly = new Option<bool>("--attributed-only") { Description = "Leave out quotations whose speaker cannot be identified." };
        var format = TableOutput.CreateFormatOption();
        var metadata = CorpusInputs.Metadata();
        var columns = CorpusInputs.Columns();
        var outlets = CorpusInputs.Outlets();

        var command = new Command("quotes", "Direct quotations and who said them.")
        {
            paths, by, count, period, cues, catalog, attributedOnly, format, metadata, columns, outlets,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(period) is { Implicit: false } && result.GetValue(by) != ChoiceOption<QuoteLevel>.NameOf(QuoteLevel.Period))
                result.AddError("--period applies only to --by period");
        });
        command.SetAction(parse =>
        {
            var errors = CorpusInputs.Errors(parse);
            QuoteOptions options;
            try
            {
                options = CreateOptions(parse.GetValue(cues), parse.GetValue(catalog), parse.GetValue(attributedOnly));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
            {
                errors.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }

            if (CorpusInputs.Options(parse.GetValue(metadata), parse.GetValue(columns), errors, parse.GetValue(outlets)) is not { } load)
                return ExitCodes.Usage;
            var report = new LoadReport(errors);
            var corpus = report.Load(parse.GetValue(paths)!, load);
            var output = CorpusInputs.Output(parse);
            try
            {
                Report(corpus, by.Value(parse), period.Value(parse), format.Value(parse), output, options, count.Value(parse));
            }
            finally
            {
                output.Flush();
            }

            return report.Finish();
        });
        return command;
    }

    internal static QuoteOptions CreateOptions(string? cues, string? catalog, bool attributedOnly)
    {
        var options = QuoteOptions.Default with { IncludeUnattributed = !attributedOnly };
        if (cues is not null)
            options = options.WithCueVerbs(cues);
        if (catalog is not null)
            options = options with { Actors = new ActorRecognizer(ActorCatalog.Load(catalog)) };
        return options;
    }

    internal static int Report(
        Corpus corpus, QuoteLevel level, TimeBucket period, OutputFormat format, TextWriter output, QuoteOptions? options = null, QuoteCount count = QuoteCount.Quotes)
    {
        var quotes = corpus.Quotes(options);
        var frame = level switch
        {
            QuoteLevel.Speaker => quotes.QuotesBySpeaker(count),
            QuoteLevel.Outlet => corpus.QuotesByOutlet(quotes, count),
            QuoteLevel.Period => corpus.QuotesByPeriod(period, quotes, count),
            QuoteLevel.Statement => corpus.Statements(quotes).ToDataFrame(),
            _ => QuoteRows(quotes.ToDataFrame()),
        };
        TableOutput.Write(frame, format, output);
        return 0;
    }

    private static DataFrame QuoteRows(DataFrame all) => new(QuoteColumns.Select(name => all.Columns[name]));
}
