using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using Humanizer;
using Microsoft.Data.Analysis;
using NewsLens.Cli.Inputs;
using NewsLens.Cli.Output;

namespace NewsLens.Cli.Commands;

/// <summary>What <c>newslens sentiment</c> reports one row for.</summary>
internal enum SentimentLevel
{
    Sentence,
    Article,
    Actor,
    Outlet,
}

/// <summary>
/// <c>newslens sentiment &lt;paths…&gt; --by sentence|article|actor|outlet [--resample month] --format table|csv|jsonl</c>,
/// and <c>newslens sentiment --lines FILE|-</c>, which scores each input line as one text (for comparing with other tools).
/// </summary>
internal static class SentimentCommand
{
    public static Command Create()
    {
        var paths = CorpusInputs.Paths(required: false);
        var by = new ChoiceOption<SentimentLevel>("--by", "One row per sentence, article, actor or outlet.", SentimentLevel.Article);
        var resample = new ChoiceOption<TimeBucket>("--resample",
            "Time series on the published dates (undated articles are counted on stderr).");
        var window = CliOptions.Count("--window", "Periods in the rolling mean of a time series (with --resample).", 3);
        var lines = new Option<string?>("--lines")
        {
            Description = "Score each line of <file> (or '-' for standard input) as one text, without sentence splitting; prints neg, neu, pos, compound per line.",
            HelpName = "file|-",
        };
        var lexicon = CliOptions.File("--lexicon", "A VADER lexicon file (word<TAB>valence per line) to use instead of the shipped one.");
        var emoji = CliOptions.File("--emoji-lexicon",
            "An emoji lexicon (emoji<TAB>description per line, like the reference's emoji_utf8_lexicon.txt); none by default.");
        // No declared default: a table for articles, JSON Lines for --lines (one object per input line is that mode's point).
        var format = new ChoiceOption<OutputFormat>("--format", "Output format [default: table; jsonl with --lines].", null, "-f");
        var metadata = CorpusInputs.Metadata();
        var columns = CorpusInputs.Columns();
        var outlets = CorpusInputs.Outlets();

        var command = new Command("sentiment", "VADER sentiment per sentence, article, actor or outlet, optionally over time.")
        {
            paths, by, resample, window, lines, lexicon, emoji, format, metadata, columns, outlets,
        };
        command.Validators.Add(result =>
        {
            var hasPaths = result.GetValue(paths) is { Length: > 0 };
            var hasLines = result.GetValue(lines) is not null;
            if (hasPaths == hasLines)
            {
                result.AddError("give either paths of articles or --lines <file|->");
                return;
            }

            // An option the chosen mode would ignore is a mistake to report, not to drop silently.
            bool Given(Option option) => result.GetResult(option) is { Implicit: false };
            if (hasLines)
            {
                foreach (var ignored in new Option[] { by, resample, window, metadata, columns, outlets }.Where(Given))
                    result.AddError($"{ignored.Name} does not apply to --lines (each line is scored as one text)");
            }
            else if (Given(window) && !Given(resample))
            {
                result.AddError("--window applies only to a time series (--resample)");
            }
        });
        command.SetAction(parse =>
        {
            var errors = CorpusInputs.Errors(parse);
            Vader vader;
            try
            {
                vader = CreateVader(parse.GetValue(lexicon), parse.GetValue(emoji));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                errors.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }

            var output = CorpusInputs.Output(parse);
            try
            {
                if (parse.GetValue(lines) is { } source)
                    return ScoreLines(source, format.Get(parse) ?? OutputFormat.Jsonl, output, errors, vader);

                if (CorpusInputs.Options(parse.GetValue(metadata), parse.GetValue(columns), errors, parse.GetValue(outlets)) is not { } load)
                    return ExitCodes.Usage;
                var report = new LoadReport(errors);
                var corpus = report.Load(parse.GetValue(paths)!, load);
                Report(corpus, by.Value(parse), resample.Get(parse), parse.GetValue(window), format.Get(parse) ?? OutputFormat.Table, output, errors, vader);
                return report.Finish();
            }
            finally
            {
                output.Flush();
            }
        });
        return command;
    }

    /// <summary>Scores the articles and writes the table for the level (and time series when resampling).</summary>
    private static Vader CreateVader(string? lexicon, string? emoji) =>
        lexicon is null && emoji is null
            ? Vader.Default
            : new Vader(new VaderOptions
            {
                Lexicon = lexicon is null ? null : VaderLexicon.Load(lexicon),
                Emoji = emoji is null ? null : EmojiLexicon.Load(emoji),
            });

    internal static int Report(
        Corpus corpus, SentimentLevel level, TimeBucket? resample, int window, OutputFormat format, TextWriter output, TextWriter messages, Vader? vader = null)
    {
        var result = corpus.Sentiment(vader);
        DataFrame frame;
        if (resample is { } bucket)
        {
            var options = new TimeSeriesOptions
            {
                Unit = level == SentimentLevel.Sentence ? SentimentUnit.Sentence : SentimentUnit.Article,
                ByOutlet = level == SentimentLevel.Outlet,
                Window = window,
            };
            var series = level == SentimentLevel.Actor
                ? result.ActorsOverTime(corpus.Mentions(), bucket, options)
                : result.OverTime(bucket, options);
            if (series.UndatedArticles > 0)
                messages.WriteLine($"note: {"article".ToQuantity(series.UndatedArticles)} without a published date ({"sentence".ToQuantity(series.UndatedSentences)}) left out of the time series");
            frame = series.ToDataFrame();
        }
        else
        {
            switch (level)
            {
                case SentimentLevel.Sentence:
                    frame = result.ToDataFrame();
                    break;
                case SentimentLevel.Outlet:
                    frame = result.ByOutlet().ToDataFrame();
                    break;
                case SentimentLevel.Actor:
                    frame = result.ByActor(corpus.Mentions(), corpus.Quotes(), vader).ToDataFrame();
                    break;
                default:
                    frame = result.ByArticle().ToDataFrame();
                    break;
            }
        }

        TableOutput.Write(frame, format, output);
        return 0;
    }

    /// <summary>Scores each line as one text; one result per input line, in order (empty lines score all zeros).</summary>
    internal static int ScoreLines(string source, OutputFormat format, TextWriter output, TextWriter errors, Vader vader)
    {
        TextReader reader;
        try
        {
            reader = source == "-" ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8) : new StreamReader(source, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: --lines: cannot read {source}: {e.Message}");
            return ExitCodes.Usage;
        }

        using (reader)
            ScoreLines(reader, format, output, vader);
        return 0;
    }

    internal static void ScoreLines(TextReader reader, OutputFormat format, TextWriter output, Vader? vader = null)
    {
        vader ??= Vader.Default;
        if (format != OutputFormat.Jsonl)
        {
            var scores = new List<SentimentScore>();
            while (reader.ReadLine() is { } line)
                scores.Add(vader.Score(line));
            TableOutput.Write(new DataFrame(
                new DoubleDataFrameColumn("neg", scores.Select(s => s.Negative)),
                new DoubleDataFrameColumn("neu", scores.Select(s => s.Neutral)),
                new DoubleDataFrameColumn("pos", scores.Select(s => s.Positive)),
                new DoubleDataFrameColumn("compound", scores.Select(s => s.Compound))), format, output);
            return;
        }

        // Streamed: inputs of millions of lines need no table in memory.
        var buffer = new ArrayBufferWriter<byte>(128);
        using var json = new Utf8JsonWriter(buffer);
        Span<char> chars = stackalloc char[128];
        while (reader.ReadLine() is { } line)
        {
            var score = vader.Score(line);
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            json.WriteStartObject();
            json.WriteNumber("neg", score.Negative);
            json.WriteNumber("neu", score.Neutral);
            json.WriteNumber("pos", score.Positive);
            json.WriteNumber("compound", score.Compound);
            json.WriteEndObject();
            json.Flush();
            var length = Encoding.UTF8.GetChars(buffer.WrittenSpan, chars);
            output.Write(chars[..length]);
            output.Write('\n');
        }
    }
}
