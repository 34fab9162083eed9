using System.CommandLine;
using System.Text;
using Microsoft.Data.Analysis;
using NewsLens.Cli.Output;

namespace NewsLens.Cli.Commands;

/// <summary><c>newslens actors &lt;paths…&gt; [--catalog FILE] --format table|csv|jsonl</c>: every actor mention, one row each.</summary>
internal static class ActorsCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders or globs of articles.", Arity = ArgumentArity.OneOrMore };
        var catalog = CatalogOption();
        var format = TableOutput.CreateFormatOption();
        var command = new Command("actors", "Actor mentions (people, organisations, places) with aliases and roles resolved.")
        {
            paths, catalog, format,
        };
        command.SetAction(parse =>
        {
            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            return Run(parse.GetValue(paths)!, parse.GetValue(catalog), parse.GetValue(format), output, Console.Error);
        });
        return command;
    }

    /// <summary>Exit codes: 0 done, 1 usage error (missing input, bad catalog), 2 some inputs skipped (the rest is printed).</summary>
    internal static int Run(string[] paths, string? catalogPath, OutputFormat format, TextWriter output, TextWriter errors)
    {
        if (LoadInputs(paths, catalogPath, errors) is not var (corpus, catalog))
            return 1;
        TableOutput.Write(Table(corpus, corpus.Mentions(catalog)), format, output);
        return ExitCode(corpus);
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

    internal static Option<string?> CatalogOption() => new("--catalog")
    {
        Description = "Your own actor catalog (JSON, same shape as the shipped one), merged over the shipped catalog.",
        HelpName = "FILE",
    };

    /// <summary>Loads the articles and the catalog, reporting problems on <paramref name="errors"/>; null when nothing can run.</summary>
    internal static (Corpus Corpus, ActorCatalog Catalog)? LoadInputs(string[] paths, string? catalogPath, TextWriter errors)
    {
        var missing = paths.Where(p => p.IndexOfAny(['*', '?', '[']) < 0 && !File.Exists(p) && !Directory.Exists(p)).ToArray();
        foreach (var path in missing)
            errors.WriteLine($"error: no such file or folder: {path}");
        if (missing.Length > 0)
            return null;

        ActorCatalog catalog;
        try
        {
            catalog = catalogPath is null ? ActorCatalog.Default : ActorCatalog.Load(catalogPath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: {e.Message}");
            return null;
        }

        var corpus = Corpus.Load(paths);
        foreach (var diagnostic in corpus.Diagnostics)
            errors.WriteLine(diagnostic);
        return (corpus, catalog);
    }

    internal static int ExitCode(Corpus corpus) => corpus.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Skipped) ? 2 : 0;
}
