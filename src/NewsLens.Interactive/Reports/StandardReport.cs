using NewsLens.Interactive.Notebooks;
using NewsLens.Interactive.Running;

namespace NewsLens.Interactive.Reports;

/// <summary>
/// The standard analysis of a corpus (corpus, quotes, actors, sentiment): the notebooks of the repository's notebooks/
/// folder, shipped inside this assembly, run on the given paths through their <c>corpusPaths</c> parameter.
/// </summary>
public static class StandardReport
{
    /// <summary>The parameter each standard notebook declares for the corpus location.</summary>
    public const string CorpusParameter = "corpusPaths";

    private const string Prefix = "notebooks/";

    /// <summary>Names of the standard notebooks, in the order they run.</summary>
    public static IReadOnlyList<string> Notebooks { get; } =
        [.. typeof(StandardReport).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".ipynb", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal)];

    /// <summary>Runs every standard notebook on the corpus at <paramref name="paths"/> (files or folders).</summary>
    public static IReadOnlyList<NotebookRun> Run(IEnumerable<string> paths, RunOptions? options = null)
    {
        var absolute = paths.Select(Path.GetFullPath).ToList();
        if (absolute.Count == 0)
            throw new ArgumentException("no corpus path given");
        foreach (var path in absolute.Where(p => !File.Exists(p) && !Directory.Exists(p)))
            throw new FileNotFoundException($"{path}: no such file or folder", path);

        options ??= new RunOptions();
        // Relative, never absolute: the injected cell and the report show the paths as seen from the current folder.
        var parameters = new Dictionary<string, string>(options.Parameters)
        {
            [CorpusParameter] = string.Join(Path.PathSeparator, absolute.Select(p => Path.GetRelativePath(Environment.CurrentDirectory, p))),
        };
        var runs = new List<NotebookRun>();
        foreach (var name in Notebooks)
        {
            var notebook = Open(name);
            runs.Add(NotebookRunner.Run(notebook, options with { Parameters = parameters }));
        }

        return runs;
    }

    /// <summary>A standard notebook as shipped; it runs with the current folder as its folder.</summary>
    public static Notebook Open(string name)
    {
        using var stream = typeof(StandardReport).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new ArgumentException($"no standard notebook '{name}'; there are: {string.Join(", ", Notebooks)}", nameof(name));
        using var reader = new StreamReader(stream);
        return NotebookReader.ParseIpynb(Path.Combine(Environment.CurrentDirectory, name), reader.ReadToEnd());
    }
}
