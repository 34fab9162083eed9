using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace NewsLens;

/// <summary>Metadata the user supplies for one file (or one article of it): it wins over what the loader recovered.</summary>
/// <remarks>Without an index, outlet and site apply to every article of the file and the other fields to its main article (index 0).</remarks>
internal sealed record MetadataOverride(int? Index, string? Title, string? Outlet, string? Site, string? Author, DateOnly? Published, string? Url)
{
    /// <summary>Only what applies to every article of a file: a record file (JSON, CSV) has no main article.</summary>
    public MetadataOverride ForEveryArticle() => this with { Title = null, Author = null, Published = null, Url = null };

    public Article ApplyTo(Article article)
    {
        if (Index is { } only && only != article.Index)
            return article;
        var whole = Index is not null || article.Index == 0;
        if (whole && Title is not null)
            article = WithoutTitleLine(article, Title);
        return article with
        {
            Title = whole && Title is not null ? Title : article.Title,
            Author = whole && Author is not null ? Author : article.Author,
            Url = whole && Url is not null ? Url : article.Url,
            Published = whole && Published is not null ? Published : article.Published,
            DateSource = whole && Published is not null ? DateSource.Metadata : article.DateSource,
            PublishedAt = whole && Published is not null && Published != article.Published ? null : article.PublishedAt,
            Outlet = Outlet ?? article.Outlet,
            Site = Site ?? article.Site,
        };
    }

    // A body that opens with the title the sidecar gives repeats it: the headline is not text (nor a quotation).
    private static Article WithoutTitleLine(Article article, string title)
    {
        if (article.Paragraphs.Count < 2 || !SameWords(article[article.Paragraphs[0]], title))
            return article;
        var segmented = Segmenter.SegmentNormalized(article.Text[article.Paragraphs[1].Start..]);
        return article with { Text = segmented.Text, Paragraphs = segmented.Paragraphs, Sentences = segmented.Sentences, Words = segmented.Words };
    }

    private static bool SameWords(string a, string b) =>
        string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) == string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>
/// Finds metadata sidecars: <c>metadata.csv</c> in a file's folder (a <c>file</c> column naming files relative to
/// it), <c>&lt;file&gt;.meta.json</c> beside a file, or one explicit file (CSV, JSON array or JSON Lines).
/// </summary>
internal sealed class MetadataSidecar
{
    public const string FolderFileName = "metadata.csv";
    public const string FileSuffix = ".meta.json";

    private readonly Dictionary<string, List<MetadataOverride>> explicitByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<MetadataOverride>> explicitByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, List<MetadataOverride>>> folders = new(StringComparer.Ordinal);
    private readonly Action<Diagnostic> report;
    private readonly bool monthFirst;

    public MetadataSidecar(string? explicitFile, bool monthFirst, Action<Diagnostic> report)
    {
        this.report = report;
        this.monthFirst = monthFirst;
        if (explicitFile is null)
            return;
        var dir = Path.GetDirectoryName(Path.GetFullPath(explicitFile))!;
        foreach (var (file, entry) in ReadTable(explicitFile))
        {
            Add(explicitByPath, Path.GetFullPath(Path.Combine(dir, file)), entry);
            Add(explicitByName, file.Replace('\\', '/'), entry);
            Add(explicitByName, Path.GetFileName(file), entry);
        }
    }

    /// <summary>The overrides for a file, most specific last (folder metadata.csv, then &lt;file&gt;.meta.json, then the explicit file).</summary>
    public IReadOnlyList<MetadataOverride> For(SourceFile source)
    {
        var result = new List<MetadataOverride>();
        var dir = Path.GetDirectoryName(source.FullPath)!;
        if (!folders.TryGetValue(dir, out var folder))
        {
            folder = new Dictionary<string, List<MetadataOverride>>(StringComparer.Ordinal);
            var csv = Path.Combine(dir, FolderFileName);
            if (File.Exists(csv))
                foreach (var (file, entry) in ReadTable(csv))
                    Add(folder, Path.GetFullPath(Path.Combine(dir, file)), entry);
            folders[dir] = folder;
        }

        if (folder.TryGetValue(source.FullPath, out var fromFolder))
            result.AddRange(fromFolder);
        foreach (var beside in new[] { source.FullPath + FileSuffix, Path.ChangeExtension(source.FullPath, null) + FileSuffix })
        {
            if (File.Exists(beside))
            {
                result.AddRange(ReadJsonEntries(beside).Select(e => e.Entry));
                break;
            }
        }

        if (explicitByPath.TryGetValue(source.FullPath, out var fromExplicit)
            || explicitByName.TryGetValue(source.Relative, out fromExplicit)
            || explicitByName.TryGetValue(Path.GetFileName(source.FullPath), out fromExplicit))
            result.AddRange(fromExplicit);
        return result;
    }

    private static void Add(Dictionary<string, List<MetadataOverride>> map, string key, MetadataOverride entry)
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = [];
        list.Add(entry);
    }

    private IEnumerable<(string File, MetadataOverride Entry)> ReadTable(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext is ".json" or ".jsonl" or ".ndjson" ? ReadJsonEntries(path) : ReadCsvEntries(path);
    }

    private List<(string File, MetadataOverride Entry)> ReadCsvEntries(string path)
    {
        var entries = new List<(string, MetadataOverride)>();
        try
        {
            using var csv = CsvReader.Create(new StreamReader(path), CsvReaderOptions.Default with { TrackLineNumbers = true }, leaveOpen: false);
            var header = csv.Headers;
            while (csv.Read())
            {
                var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < header.Count && i < csv.FieldCount; i++)
                    row[header[i].Trim()] = csv.GetString(i);
                if (ToEntry(row, path, (int)csv.LineNumber) is { } entry)
                    entries.Add(entry);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException)
        {
            report(new Diagnostic(path, null, DiagnosticSeverity.Warning, "metadata file not read: " + e.Message));
        }

        return entries;
    }

    private List<(string File, MetadataOverride Entry)> ReadJsonEntries(string path)
    {
        var entries = new List<(string, MetadataOverride)>();
        try
        {
            var text = File.ReadAllText(path);
            var trimmed = text.TrimStart();
            IEnumerable<(JsonElement, int)> objects;
            if (trimmed.StartsWith('['))
                objects = JsonDocument.Parse(text).RootElement.EnumerateArray().Select((e, i) => (e, i + 1));
            else if (path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase))
                objects = [(JsonDocument.Parse(text).RootElement, 1)];
            else
                objects = text.Split('\n').Select((l, i) => (l, i + 1)).Where(p => p.l.Trim().Length > 0)
                    .Select(p => (JsonDocument.Parse(p.l).RootElement, p.Item2));
            foreach (var (element, line) in objects)
            {
                if (element.ValueKind != JsonValueKind.Object)
                    continue;
                var row = element.EnumerateObject().ToDictionary(
                    p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetRawText(),
                    StringComparer.OrdinalIgnoreCase);
                if (path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase))
                    row.TryAdd("file", Path.GetFileName(path)[..^FileSuffix.Length]);
                if (ToEntry(row, path, line) is { } entry)
                    entries.Add(entry);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            report(new Diagnostic(path, null, DiagnosticSeverity.Warning, "metadata file not read: " + e.Message));
        }

        return entries;
    }

    private (string File, MetadataOverride Entry)? ToEntry(Dictionary<string, string?> row, string path, int line)
    {
        string? Get(params string[] names) =>
            names.Select(n => row.TryGetValue(n, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null).FirstOrDefault(v => v is not null);

        var file = Get("file", "path", "filename");
        if (file is null)
        {
            report(new Diagnostic(path, line, DiagnosticSeverity.Warning, "metadata row without a 'file' value ignored"));
            return null;
        }

        DateOnly? published = null;
        if (Get("published", "date", "publish_date") is { } dateText)
        {
            published = DateText.ParseValue(dateText, monthFirst);
            if (published is null)
                report(new Diagnostic(path, line, DiagnosticSeverity.Warning, $"metadata date '{dateText}' not understood; ignored"));
        }

        int? index = int.TryParse(Get("index"), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
        return (file, new MetadataOverride(index, Get("title", "headline"), Get("outlet", "source"), Get("site"), Get("author", "byline"), published, Get("url", "link")));
    }
}
