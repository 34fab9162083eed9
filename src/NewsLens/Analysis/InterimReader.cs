using System.Globalization;
using System.Text.Json;

namespace NewsLens;

/// <summary>Stand-in reader (plain text and JSON Lines) until the corpus loader's streaming API lands.</summary>
internal static class InterimReader
{
    public static IEnumerable<Article> Stream(IEnumerable<string> paths, List<Diagnostic> diagnostics)
    {
        foreach (var path in paths)
        {
            var root = Directory.Exists(path) ? Path.GetFullPath(path) : Path.GetDirectoryName(Path.GetFullPath(path))!;
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
                : [path];
            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(root, Path.GetFullPath(file)).Replace('\\', '/');
                if (file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                {
                    var index = 0;
                    foreach (var line in File.ReadLines(file))
                    {
                        index++;
                        if (line.Length == 0)
                            continue;
                        Article? article = null;
                        try
                        {
                            article = FromJson(line, relative, index);
                        }
                        catch (JsonException e)
                        {
                            diagnostics.Add(new Diagnostic(relative, index, DiagnosticSeverity.Skipped, e.Message));
                        }

                        if (article is not null)
                            yield return article;
                    }
                }
                else if (file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    yield return Article.FromText(File.ReadAllText(file), id: relative) with { File = relative };
                }
            }
        }
    }

    private static Article FromJson(string line, string file, int index)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        string? Get(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var text = Get("text") ?? "";
        var segmented = Segmenter.Segment(text);
        DateOnly? published = Get("published") is { Length: >= 10 } date
            && DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return new Article
        {
            Id = $"{file}#{index}",
            File = file,
            Index = index,
            Title = Get("title"),
            Outlet = Get("outlet"),
            Url = Get("url"),
            Published = published,
            DateSource = published is null ? DateSource.None : DateSource.Metadata,
            Text = segmented.Text,
            Paragraphs = segmented.Paragraphs,
            Sentences = segmented.Sentences,
            Words = segmented.Words,
        };
    }
}
