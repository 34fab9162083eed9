using System.CommandLine;
using Microsoft.Data.Analysis;
using NewsLens.Cli.Inputs;
using NewsLens.Cli.Output;

namespace NewsLens.Cli.Commands;

/// <summary><c>newslens actors &lt;paths…&gt; [--catalog FILE] --format table|csv|jsonl</c>: every actor mention, one row each.</summary>
internal static class ActorsCommand
{
    public static Command Create()
    {
        var paths = CorpusInputs.Paths();
        var catalog = CatalogOption();
        var format = TableOutput.CreateFormatOption();
        var metadata = CorpusInputs.Metadata();
        var columns = CorpusInputs.Columns();
        var outlets = CorpusInputs.Outlets();
        var command = new Command("actors", "Actor mentions (people, organisations, places) with aliases and roles resolved.")
        {
            paths, catalog, format, metadata, columns, outlets,
        };
        command.SetAction(parse =>
        {
            var errors = CorpusInputs.Errors(parse);
            if (CorpusInputs.Options(parse.GetValue(metadata), parse.GetValue(columns), errors, parse.GetValue(outlets)) is not { } load)
                return ExitCodes.Usage;
            var output = CorpusInputs.Output(parse);
            try
            {
                return Run(parse.GetValue(paths)!, parse.GetValue(catalog), format.Value(parse), output, errors, load);
            }
            finally
            {
                output.Flush();
            }
        });
        return command;
    }

    /// <summary>Exit codes: 0 done, 1 usage error (bad catalog), 2 some inputs skipped or a path matched nothing (the rest is printed).</summary>
    internal static int Run(string[] paths, string? catalogPath, OutputFormat format, TextWriter output, TextWriter errors, LoadOptions? load = null)
    {
        if (LoadInputs(paths, catalogPath, errors, load) is not var (corpus, catalog, report))
            return ExitCodes.Usage;
        TableOutput.Write(Table(corpus, corpus.Mentions(catalog)), format, output);
        return report.Finish();
    }

    /// <summary>Columns: article, file, actor, kind, surface, start, end, sentence, source.</summary>
    internal static DataFrame Table(Corpus corpus, IReadOnlyList<Mention> mentions)
    {
        var files = corpus.Articles.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First().File, StringComparer.Ordinal);
        var frame = mentions.ToDataFrame();
        return new DataFrame(
            frame.Columns["article"],
            new StringDataFrameColumn("file", mentions.Select(m => files.GetValueOrDefault(m.ArticleId))),
            frame.Columns["actor"],
            frame.Columns["kind"],
            frame.Columns["surface"],
            frame.Columns["start"],
            frame.Columns["end"],
            frame.Columns["sentence"],
            frame.Columns["source"]);
    }

    internal static Option<string?> CatalogOption() => CliOptions.File(
        "--catalog", "Your own actor catalog (JSON, same shape as the shipped one), merged over the shipped catalog.");

    /// <summary>Loads the catalog and then the articles, reporting problems on <paramref name="errors"/>; null when the catalog is unusable.</summary>
    internal static (Corpus Corpus, ActorCatalog Catalog, LoadReport Report)? LoadInputs(string[] paths, string? catalogPath, TextWriter errors, LoadOptions? load = null)
    {
        ActorCatalog catalog;
        try
        {
            catalog = catalogPath is null ? ActorCatalog.Default : ActorCatalog.Load(catalogPath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: --catalog: {e.Message}");
            return null;
        }

        var report = new LoadReport(errors);
        return (report.Load(paths, load), catalog, report);
    }
}
