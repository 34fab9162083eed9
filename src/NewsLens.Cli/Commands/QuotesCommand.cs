using System.CommandLine;
using System.Text;
using Microsoft.Data.Analysis;
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
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (read recursively) or globs such as 'news/**/*.html' of articles.",
            Arity = ArgumentArity.OneOrMore,
        };
        var by = new Option<QuoteLevel>("--by")
        {
            Description = "One row per quote (default), quote counts per speaker, per outlet and speaker, or per period and speaker, or one row per statement (renderings of one utterance across articles and outlets).",
            DefaultValueFactory = _ => QuoteLevel.Quote,
        };
        var count = new Option<QuoteCount>("--count")
        {
            Description = "For --by speaker|outlet|period: count quotes (default) or statements (a statement carried by five outlets counts once).",
            DefaultValueFactory = _ => QuoteCount.Quotes,
        };
        var period = new Option<TimeBucket>("--period")
        {
            Description = "The period for --by period: day, week, month, quarter or year of the published date.",
            DefaultValueFactory = _ => TimeBucket.Month,
        };
        var cues = new Option<string?>("--cues")
        {
            Description = "A file of extra cue verbs (one base form per line, as in the shipped cue-verbs.txt).",
            HelpName = "FILE",
        };
        var catalog = new Option<string?>("--catalog")
        {
            Description = "An actor catalog (JSON, same shape as the shipped one) merged over the default for names, roles and aliases.",
            HelpName = "FILE",
        };
        var attributedOnly = new Option<bool>("--attributed-only") { Description = "Leave out quotations whose speaker cannot be identified." };
        var format = TableOutput.CreateFormatOption();

        var command = new Command("quotes", "Direct quotations and who said them.")
        {
            paths, by, count, period, cues, catalog, attributedOnly, format,
        };
        command.SetAction(parse =>
        {
            var inputs = parse.GetValue(paths) ?? [];
            var missing = inputs.Where(p => p.IndexOfAny(['*', '?', '[']) < 0 && !File.Exists(p) && !Directory.Exists(p)).ToArray();
            if (missing.Length > 0)
            {
                Console.Error.WriteLine($"error: no such file or folder: {string.Join(", ", missing)}");
                return 1;
            }

            QuoteOptions options;
            try
            {
                options = CreateOptions(parse.GetValue(cues), parse.GetValue(catalog), parse.GetValue(attributedOnly));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }

            var corpus = Corpus.Load(inputs);
            foreach (var diagnostic in corpus.Diagnostics)
                Console.Error.WriteLine(diagnostic);
            var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
            try
            {
                return Report(corpus, parse.GetValue(by), parse.GetValue(period), parse.GetValue(format), output, options, parse.GetValue(count));
            }
            finally
            {
                output.Flush();
            }
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
