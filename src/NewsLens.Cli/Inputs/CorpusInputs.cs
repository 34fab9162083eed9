using System.CommandLine;
using System.Text;
using Humanizer;

namespace NewsLens.Cli.Inputs;

/// <summary>
/// The one way every corpus verb takes its inputs: the paths argument and the loading options, loading with each
/// diagnostic printed as it happens, and the exit code (0 all loaded, 2 anything skipped or a path or glob that matched
/// nothing, 1 a usage error such as an unreadable --metadata file).
/// </summary>
internal static class CorpusInputs
{
    public static Argument<string[]> Paths(bool required = true) => new("path")
    {
        Description = "Files, folders (read recursively) or globs such as 'news/**/*.html' of articles.",
        Arity = required ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore,
    };

    public static Option<string?> Metadata() => CliOptions.File(
        "--metadata", "A CSV or JSON file with a 'file' column whose title/outlet/site/author/published/url override what was recovered.");

    public static Option<string?> Columns() => new("--columns")
    {
        Description = "JSON/CSV column mapping for uncommon names, e.g. 'text=body_html,date=pub_time'.",
        HelpName = "field=column,...",
    };

    public static Option<string?> Outlets() => CliOptions.File(
        "--outlets", "A JSON outlet catalog like the shipped outlets.json (name, hosts, aliases, bylines) added to it: your outlets, and writers whose byline names their outlet.");

    /// <summary>Loading options from --metadata, --columns and --outlets; null, with the problem written, when one is unusable.</summary>
    public static LoadOptions? Options(string? metadata, string? columns, TextWriter errors, string? outlets = null)
    {
        foreach (var (option, file) in new[] { ("--metadata", metadata), ("--outlets", outlets) })
        {
            if (file is not null && !File.Exists(file))
            {
                errors.WriteLine($"error: {option}: no such file: {file}");
                return null;
            }
        }

        ColumnMap map;
        PageRules rules;
        try
        {
            map = columns is null ? new ColumnMap() : ColumnMap.Parse(columns);
        }
        catch (FormatException e)
        {
            errors.WriteLine("error: --columns: " + e.Message);
            return null;
        }

        try
        {
            rules = outlets is null ? PageRules.Default : PageRules.Default.WithOutlets(outlets);
        }
        catch (FormatException e)
        {
            errors.WriteLine("error: --outlets: " + e.Message);
            return null;
        }

        return new LoadOptions { MetadataFile = metadata, Columns = map, Rules = rules };
    }

    /// <summary>Standard output for a verb: the invocation's writer in tests, buffered UTF-8 (no BOM) on a real console.</summary>
    public static TextWriter Output(ParseResult parse) =>
        parse.InvocationConfiguration.Output is var writer && writer != Console.Out
            ? writer
            : new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };

    public static TextWriter Errors(ParseResult parse) => parse.InvocationConfiguration.Error;
}

/// <summary>Prints loading diagnostics as they arrive and turns them into the exit code.</summary>
internal sealed class LoadReport(TextWriter errors)
{
    private int _skipped;

    public int Skipped => _skipped;

    /// <summary>Loading options that report through this object (the caller's other options kept).</summary>
    public LoadOptions Apply(LoadOptions options)
    {
        var forward = options.OnDiagnostic;
        return options with
        {
            OnDiagnostic = d =>
            {
                Add(d);
                forward?.Invoke(d);
            },
        };
    }

    public void Add(Diagnostic diagnostic)
    {
        lock (errors)
            errors.WriteLine(diagnostic.ToString());
        if (diagnostic.Severity == DiagnosticSeverity.Skipped)
            Interlocked.Increment(ref _skipped);
    }

    /// <summary>Loads the whole corpus, reporting as it goes.</summary>
    public Corpus Load(string[] paths, LoadOptions? options = null) => Corpus.Load(paths, Apply(options ?? new LoadOptions()));

    /// <summary>Streams the corpus, reporting as it goes (the exit code is known once the stream is read).</summary>
    public IEnumerable<Article> Stream(string[] paths, LoadOptions? options = null) => Corpus.Stream(paths, Apply(options ?? new LoadOptions()));

    /// <summary>Writes the closing line when something was skipped and returns the exit code.</summary>
    public int Finish()
    {
        if (_skipped == 0)
            return ExitCodes.Ok;
        errors.WriteLine($"{"input".ToQuantity(_skipped)} skipped (see above); exit code 2");
        return ExitCodes.Skipped;
    }
}
