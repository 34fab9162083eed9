using System.Text;
using System.Text.RegularExpressions;

namespace NewsLens;

/// <summary>The kinds of file the loader reads, by extension.</summary>
internal enum SourceFormat
{
    Page,
    Html,
    Json,
    JsonLines,
    Csv,
    Tsv,
}

/// <summary>One input file: where it is, its path relative to the input root ('/' separators), its format.</summary>
internal sealed record SourceFile(string FullPath, string Root, string Relative, SourceFormat Format, long Length);

/// <summary>Expands a file, a folder (recursively) or a glob ("corpus/**/*.txt") into input files, sorted for determinism.</summary>
internal static class SourceFiles
{
    private static readonly string[] NotArticles = ["readme", "license", "licence", "notice", "changelog", "provenance", "copying"];

    public static SourceFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".md" or ".markdown" or ".text" => SourceFormat.Page,
        ".html" or ".htm" or ".xhtml" => SourceFormat.Html,
        ".json" => SourceFormat.Json,
        ".jsonl" or ".ndjson" or ".jsonlines" => SourceFormat.JsonLines,
        ".csv" => SourceFormat.Csv,
        ".tsv" or ".tab" => SourceFormat.Tsv,
        _ => null,
    };

    public static bool IsGlob(string path) => path.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>True when the path names nothing: no file, no folder, and not a glob.</summary>
    public static bool Missing(string path) => !IsGlob(path) && !File.Exists(path) && !Directory.Exists(path);

    public static List<SourceFile> Find(string path, Action<Diagnostic> problems, string? exclude = null)
    {
        var files = new List<SourceFile>();
        var excluded = exclude is null ? null : Path.GetFullPath(exclude);
        if (File.Exists(path))
        {
            var full = Path.GetFullPath(path);
            var root = Path.GetDirectoryName(full)!;
            // A file named explicitly is read even with an unknown extension (as a text page).
            files.Add(new SourceFile(full, root, Path.GetFileName(full), FormatOf(full) ?? SourceFormat.Page, SafeLength(full)));
            return files;
        }

        string baseDir;
        Regex? pattern = null;
        if (Directory.Exists(path))
        {
            baseDir = Path.GetFullPath(path);
        }
        else if (IsGlob(path))
        {
            (baseDir, pattern) = SplitGlob(path);
            if (!Directory.Exists(baseDir))
            {
                problems(new Diagnostic(path, null, DiagnosticSeverity.Skipped, "no such folder for this pattern"));
                return files;
            }
        }
        else
        {
            problems(new Diagnostic(path, null, DiagnosticSeverity.Skipped, "no such file or folder"));
            return files;
        }

        foreach (var full in Walk(baseDir, problems))
        {
            var relative = Path.GetRelativePath(baseDir, full).Replace('\\', '/');
            if (pattern is not null && !pattern.IsMatch(relative))
                continue;
            if (FormatOf(full) is not { } format || IsSidecar(full) || full == excluded)
                continue;
            if (pattern is null && NotArticles.Contains(Path.GetFileNameWithoutExtension(full).ToLowerInvariant()))
                continue; // corpus documentation, not articles
            files.Add(new SourceFile(full, baseDir, relative, format, SafeLength(full)));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        if (files.Count == 0)
            problems(new Diagnostic(path, null, DiagnosticSeverity.Skipped, pattern is null
                ? "no .txt, .md, .html, .json, .jsonl or .csv files found"
                : "the pattern matched no .txt, .md, .html, .json, .jsonl or .csv file"));
        return files;
    }

    /// <summary>Sidecar metadata files sit beside the articles and are never articles themselves.</summary>
    public static bool IsSidecar(string path)
    {
        var name = Path.GetFileName(path);
        return name.Equals(MetadataSidecar.FolderFileName, StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(MetadataSidecar.FileSuffix, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Walk(string dir, Action<Diagnostic> problems)
    {
        string[] entries, subdirs;
        try
        {
            entries = Directory.GetFiles(dir);
            subdirs = Directory.GetDirectories(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems(new Diagnostic(dir, null, DiagnosticSeverity.Skipped, "unreadable folder: " + e.Message));
            yield break;
        }

        foreach (var file in entries)
        {
            if (!Path.GetFileName(file).StartsWith('.'))
                yield return file;
        }

        foreach (var sub in subdirs.Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(sub).StartsWith('.'))
                continue;
            foreach (var file in Walk(sub, problems))
                yield return file;
        }
    }

    // "corpus/2024/**/*.txt" → base "corpus/2024", pattern over the path relative to it.
    private static (string BaseDir, Regex Pattern) SplitGlob(string glob)
    {
        var parts = glob.Replace('\\', '/').Split('/');
        var fixedParts = parts.TakeWhile(p => !IsGlob(p)).ToList();
        var baseDir = fixedParts.Count == 0 ? "." : string.Join('/', fixedParts);
        if (baseDir.Length == 0)
            baseDir = "/";
        var rest = parts.Skip(fixedParts.Count).ToList();
        var regex = new StringBuilder("^");
        for (var i = 0; i < rest.Count; i++)
        {
            var last = i == rest.Count - 1;
            if (rest[i] == "**")
            {
                regex.Append(last ? ".*" : "([^/]+/)*"); // any depth, including none
                continue;
            }

            foreach (var c in rest[i])
                regex.Append(c switch { '*' => "[^/]*", '?' => "[^/]", '[' or ']' => c.ToString(), _ => Regex.Escape(c.ToString()) });
            if (!last)
                regex.Append('/');
        }

        regex.Append('$');
        return (Path.GetFullPath(baseDir), new Regex(regex.ToString(), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));
    }

    private static long SafeLength(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
