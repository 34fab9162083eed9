namespace NewsLens;

/// <summary>No article loaded from the given inputs, although <see cref="LoadOptions.RequireArticles"/> asked for some.</summary>
public sealed class EmptyCorpusException(IReadOnlyList<string> paths, IReadOnlyList<Diagnostic> diagnostics)
    : Exception(Describe(paths, diagnostics))
{
    /// <summary>The inputs as given.</summary>
    public IReadOnlyList<string> Paths { get; } = paths;

    /// <summary>Why each input gave nothing (missing path, empty glob, skipped file), when the loader knew.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    private static string Describe(IReadOnlyList<string> paths, IReadOnlyList<Diagnostic> diagnostics)
    {
        var where = paths.Count == 0 ? "(no path given)" : string.Join(", ", paths);
        const int shown = 5;
        var why = diagnostics.Count == 0
            ? " (no readable article file there)"
            : ": " + string.Join("; ", diagnostics.Take(shown)) + (diagnostics.Count > shown ? $"; and {diagnostics.Count - shown} more" : "");
        return $"No article loaded from {where}{why}";
    }
}
