using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Analysis;
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
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (read recursively) or globs such as 'news/**/*.html' of articles.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var by = new Option<SentimentLevel>("--by")
        {
            Description = "One row per sentence, article, actor or outlet.",
            DefaultValueFactory = _ => SentimentLevel.Article,
        };
        var resample = new Option<TimeBucket?>("--resample")
        {
            Description = "Time series on the published dates: day, week, month, quarter or year (undated articles are counted on stderr).",
        };
        var window = new Option<int>("--window")
        {
            Description = "Buckets in the rolling mean of a time series.",
            DefaultValueFactory = _ => 3,
        };
        window.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
                result.AddError("--window must be at least 1");
        });
        var lines = new Option<string?>("--lines")
        {
            Description = "Score each line of FILE (or '-' for standard input) as one text, without sentence splitting; prints neg, neu, pos, compound per line.",
            HelpName = "FILE|-",
        };
        var lexicon = new Option<string?>("--lexicon")
        {
            Description = "A VADER lexicon file (word<TAB>valence per line) to use instead of the shipped one.",
            HelpName = "FILE",
        };
        var emoji = new Option<string?>("--emoji-lexicon")
        {
            Description = "An emoji lexicon (emoji<TAB>description per line, like the reference's emoji_utf8_lexicon.txt); none by default.",
            HelpName = "FILE",
        };
        var format = TableOutput.CreateFormatOption();

        var command = new Command("sentiment", "VADER sentiment per sentence, article, actor or outlet, optionally over time.")
        {
            paths, by, resample, window, lines, lexicon, emoji, format,
        };
        command.Validators.Add(result =>
        {
            var hasPaths = result.GetValue(paths) is { Length: > 0 };
            var hasLines = result.GetValue(lines) is not null;
            if (hasPaths == hasLines)
                result.AddError("give either paths of articles or --lines FILE|-");
        });
        command.SetAction(parse =>
        {
            Vader vader;
            try
            {
                vader = CreateVader(parse.GetValue(lexicon), parse.GetValue(emoji));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }

            var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
            try
            {
                if (parse.GetValue(lines) is { } source)
                {
                    // One object per line is the point of --lines: JSON Lines unless a format is asked for.
                    var lineFormat = parse.GetResult(format) is { Implicit: false } ? parse.GetValue(format) : OutputFormat.Jsonl;
                    return ScoreLines(source, lineFormat, output, vader);
                }

                var inputs = parse.GetValue(paths)!;
                var missing = inputs.Where(p => p.IndexOfAny(['*', '?', '[']) < 0 && !File.Exists(p) && !Directory.Exists(p)).ToArray();
                if (missing.Length > 0)
                {
                    Console.Error.WriteLine($"error: no such file or folder: {string.Join(", ", missing)}");
                    return 1;
                }

                var corpus = Corpus.Load(inputs);
                foreach (var diagnostic in corpus.Diagnostics)
                    Console.Error.WriteLine(diagnostic);
                return Report(corpus, parse.GetValue(by), parse.GetValue(resample), parse.GetValue(window), parse.GetValue(format), output, Console.Error, vader);
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
                messages.WriteLine($"note: {series.UndatedArticles} article(s) without a published date ({series.UndatedSentences} sentences) are left out of the time series");
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
    internal static int ScoreLines(string source, OutputFormat format, TextWriter output, Vader vader)
    {
        TextReader reader;
        try
        {
            reader = source == "-" ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8) : new StreamReader(source, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot read {source}: {e.Message}");
            return 1;
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
