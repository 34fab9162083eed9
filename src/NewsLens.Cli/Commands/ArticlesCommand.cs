using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Humanizer;
using Microsoft.Data.Analysis;
using NewsLens.Cli.Inputs;
using NewsLens.Cli.Output;

namespace NewsLens.Cli.Commands;

/// <summary>`newslens articles &lt;paths...&gt;`: loads a corpus and prints one row per article.</summary>
internal static class ArticlesCommand
{
    public static Command Create()
    {
        var paths = CorpusInputs.Paths();
        var format = TableOutput.CreateFormatOption();
        var metadata = CorpusInputs.Metadata();
        var columns = CorpusInputs.Columns();
        var outlets = CorpusInputs.Outlets();
        var removed = new Option<bool>("--removed")
        {
            Description = "List the lines of scraped pages (.txt, .md) left out of the articles instead (file, line, reason, used, text).",
        };
        var command = new Command("articles", "Loads news articles (text, markdown, HTML, JSON Lines, JSON, CSV) and lists them with their metadata.")
        {
            paths, format, metadata, columns, outlets, removed,
        };
        command.SetAction(parse =>
        {
            var output = CorpusInputs.Output(parse);
            try
            {
                return Run(parse.GetValue(paths) ?? [], format.Value(parse), parse.GetValue(metadata), parse.GetValue(columns), output,
                    CorpusInputs.Errors(parse), parse.GetValue(removed), parse.GetValue(outlets));
            }
            finally
            {
                output.Flush();
            }
        });
        return command;
    }

    internal static int Run(string[] paths, OutputFormat format, string? metadata, string? columns, TextWriter output, TextWriter errors, bool removed = false, string? outlets = null)
    {
        if (CorpusInputs.Options(metadata, columns, errors, outlets) is not { } loadOptions)
            return ExitCodes.Usage;

        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var progress = new SyncProgress<LoadProgress>(p =>
        {
            // Only long runs report, at most every two seconds.
            if (clock.Elapsed - lastReport < TimeSpan.FromSeconds(2))
                return;
            lastReport = clock.Elapsed;
            var share = (p.BytesTotal > 0 ? 100.0 * p.BytesDone / p.BytesTotal : 0).ToString("0", CultureInfo.InvariantCulture) + "%";
            errors.WriteLine($"loading: {"article".ToQuantity(p.Articles, "N0")} from {p.FilesDone:N0} of {"file".ToQuantity(p.FilesTotal, "N0")} ({share})");
        });
        var report = new LoadReport(errors);
        var options = loadOptions with { Progress = progress };

        if (removed)
        {
            var corpus = report.Load(paths, options with { RecordRemovedLines = true });
            TableOutput.Write(RemovedLine.ToDataFrame(corpus.RemovedLines), format, output);
            if (format == OutputFormat.Table)
                output.WriteLine($"{"line".ToQuantity(corpus.RemovedLines.Count, "N0")} left out ({corpus.RemovedLines.Count(r => r.Used):N0} used as metadata) from {"article".ToQuantity(corpus.Count, "N0")}");
        }
        else if (format == OutputFormat.Table)
        {
            var corpus = report.Load(paths, options);
            TableOutput.Write(PeopleView(corpus), format, output);
            output.WriteLine(Summary(corpus));
        }
        else
        {
            // CSV and JSON Lines stream in batches: a corpus of any size prints without being held in memory.
            var first = true;
            foreach (var batch in report.Stream(paths, options).Chunk(500))
            {
                WriteBatch(Corpus.ToDataFrame(batch), format, output, header: first);
                first = false;
            }

            if (first)
                WriteBatch(Corpus.ToDataFrame([]), format, output, header: true);
            output.Flush();
        }

        return report.Finish();
    }

    private static void WriteBatch(DataFrame frame, OutputFormat format, TextWriter output, bool header)
    {
        if (header || format != OutputFormat.Csv)
        {
            TableOutput.Write(frame, format, output);
            return;
        }

        // Later CSV batches: the same columns, without repeating the header row.
        using var buffer = new StringWriter();
        TableOutput.Write(frame, format, buffer);
        var text = buffer.ToString();
        var newline = text.IndexOf('\n');
        output.Write(newline < 0 ? "" : text[(newline + 1)..]);
    }

    // The table is for people: the columns that identify an article, dates in words, counts with separators.
    private static DataFrame PeopleView(Corpus corpus) => new(
        new StringDataFrameColumn("id", corpus.Select(a => a.Id)),
        new StringDataFrameColumn("title", corpus.Select(a => a.Title)),
        new StringDataFrameColumn("outlet", corpus.Select(a => a.Site is null ? a.Outlet : $"{a.Outlet} (via {a.Site})")),
        new StringDataFrameColumn("author", corpus.Select(a => a.Author)),
        new StringDataFrameColumn("published", corpus.Select(a => a.Published is { } d
            ? InWords(d) + $" ({a.DateSource.ToString().ToLowerInvariant()})"
            : null)),
        new StringDataFrameColumn("words", corpus.Select(a => a.Words.ToString("N0", CultureInfo.InvariantCulture))));

    private static string Summary(Corpus corpus)
    {
        var files = corpus.Select(a => a.File).Distinct().Count();
        var dated = corpus.Where(a => a.Published is not null).Select(a => a.Published!.Value).ToList();
        var span = dated.Count == 0 ? "no dates"
            : $"published {InWords(dated.Min())} to {InWords(dated.Max())}";
        var words = corpus.Sum(a => (long)a.Words);
        return $"{"article".ToQuantity(corpus.Count, "N0")} from {"file".ToQuantity(files, "N0")}, {"word".ToQuantity(words, "N0")}; {"dated article".ToQuantity(dated.Count)}, {span}.";
    }

    // "July 8th, 2024" whatever the machine's culture: output must not depend on where it runs.
    private static string InWords(DateOnly date)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            return date.ToDateTime(TimeOnly.MinValue).ToOrdinalWords();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    /// <summary>Reports on the loading thread (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
    private sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
    {
        public void Report(T value) => handler(value);
    }
}
