using System.Runtime.CompilerServices;

namespace NewsLens;

public sealed partial class Corpus
{
    /// <summary>
    /// Loads a file, a folder (recursively) or a glob ("news/**/*.html") of scraped pages (.txt, .md), HTML, JSON Lines,
    /// JSON or CSV into articles. Bad inputs never stop a load: each becomes a <see cref="Diagnostic"/>.
    /// </summary>
    public static Corpus Load(string path, LoadOptions? options = null) => Load([path], options);

    /// <summary>Loads several inputs; each file's <see cref="Article.File"/> is relative to the input it came from.</summary>
    public static Corpus Load(IEnumerable<string> paths, LoadOptions? options = null)
    {
        var diagnostics = new List<Diagnostic>();
        options ??= new LoadOptions();
        var forward = options.OnDiagnostic;
        var removed = options.RecordRemovedLines ? new List<RemovedLine>() : null;
        var forwardRemoved = options.OnRemovedLine;
        var collecting = options with
        {
            OnDiagnostic = d =>
            {
                diagnostics.Add(d);
                forward?.Invoke(d);
            },
            OnRemovedLine = removed is null ? forwardRemoved : r =>
            {
                removed.Add(r);
                forwardRemoved?.Invoke(r);
            },
        };
        var inputs = paths as IReadOnlyList<string> ?? [.. paths];
        var articles = Stream(inputs, collecting).ToList();
        if (articles.Count == 0 && options.RequireArticles)
            throw new EmptyCorpusException(inputs, diagnostics);
        return new Corpus(articles, diagnostics, removed);
    }

    /// <summary>Articles one at a time, so corpora larger than memory can be processed; diagnostics go to <see cref="LoadOptions.OnDiagnostic"/>.</summary>
    public static IEnumerable<Article> Stream(string path, LoadOptions? options = null) => Stream([path], options);

    /// <inheritdoc cref="Stream(string, LoadOptions?)"/>
    public static IEnumerable<Article> Stream(IEnumerable<string> paths, LoadOptions? options = null) =>
        new CorpusLoader(options ?? new LoadOptions()).Pending(paths.ToList()).Select(pending => pending.Build());

    /// <summary>The async form of <see cref="Stream(string, LoadOptions?)"/>: yields between files and records, honours cancellation.</summary>
    public static async IAsyncEnumerable<Article> StreamAsync(string path, LoadOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var count = 0;
        foreach (var article in Stream(path, options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return article;
            if (++count % 64 == 0)
                await Task.Yield();
        }
    }
}

/// <summary>Walks the inputs file by file, dispatches each to its format reader and settles each article's id and metadata.</summary>
/// <remarks>
/// Reading is sequential (ids must be unique across the stream, diagnostics come in file order); building the
/// article (joining and segmenting its text, the costly part) is left to <see cref="PendingArticle.Build"/>, so the
/// pipeline runs it on its worker threads rather than on the one reading thread.
/// </remarks>
internal sealed class CorpusLoader(LoadOptions options)
{
    private const int ProgressEvery = 2000;
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> skippedFiles = new(StringComparer.Ordinal);
    private int articles;
    private int skipped;

    /// <summary>Bytes read from the inputs (whole files, ranges) and bytes only scanned to number records; complete once the stream ends.</summary>
    public ReadCounts Bytes { get; } = new();

    /// <summary>The splits read (for <see cref="Pending(IReadOnlyList{string}, Shard, long)"/>); complete once the stream ends.</summary>
    public List<InputSplit> Splits { get; } = [];

    /// <summary>Total size of the input files (all shards'), known once the stream has started.</summary>
    public long CorpusBytes { get; private set; }

    /// <summary>Every article of the inputs, ids settled across the whole stream (a duplicate id is renamed "id~2").</summary>
    public IEnumerable<PendingArticle> Pending(IReadOnlyList<string> paths)
    {
        // An iterator: the inputs are looked for when the stream is read, as each file is.
        var files = FindFiles(paths);
        foreach (var article in Read(files.Select(f => (f, new InputSplit(f.FullPath, 0, f.Length, true))).ToList(), StemRanks(files), renameDuplicates: true))
            yield return article;
    }

    /// <summary>
    /// Only the articles of <paramref name="shard"/>'s input splits (see <see cref="InputSplits"/>): each shard reads its
    /// own bytes, and the shards together read every article once, with the ids and indexes of an unsharded read.
    /// </summary>
    /// <remarks>
    /// One exception: renaming a duplicate id ("id~2") needs every id before it, which a shard does not read; a sharded
    /// read keeps duplicates as they are (with a warning where the shard sees one) so that ids never depend on N.
    /// </remarks>
    public IEnumerable<PendingArticle> Pending(IReadOnlyList<string> paths, Shard shard, long minSplitBytes)
    {
        var files = FindFiles(paths);
        foreach (var article in Read(InputSplits.For(files, shard, minSplitBytes), StemRanks(files), renameDuplicates: false))
            yield return article;
    }

    /// <summary>
    /// For each file whose id stem ("folder/name" without extension) an earlier file already has, its rank among those
    /// files (2, 3, …): the ids named by position in it get "~rank" ("feed#1~2"), as a rename would give them, but decided
    /// from the file list alone, which every shard has, so the name does not depend on the shards (two inputs both
    /// holding a feed.jsonl, or a.txt beside a.html).
    /// </summary>
    private static Dictionary<string, int> StemRanks(List<SourceFile> files)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var stem = ArticleBuilder.StemOf(file.Relative);
            var rank = seen[stem] = seen.GetValueOrDefault(stem) + 1;
            if (rank > 1)
                ranks.TryAdd(file.FullPath, rank);
        }

        return ranks;
    }

    /// <summary>Input paths (files, folders, globs) that gave no file to read, known once the stream has started.</summary>
    public List<string> Unmatched { get; } = [];

    private List<SourceFile> FindFiles(IReadOnlyList<string> paths)
    {
        var files = new List<SourceFile>();
        foreach (var path in paths)
        {
            var found = SourceFiles.Find(path, Report, options.MetadataFile);
            if (found.Count == 0)
                Unmatched.Add(path);
            files.AddRange(found);
        }

        CorpusBytes = files.Sum(f => f.Length);
        return files;
    }

    private IEnumerable<PendingArticle> Read(IReadOnlyList<(SourceFile File, InputSplit Split)> splits, Dictionary<string, int> stemRanks, bool renameDuplicates)
    {
        var sidecar = new MetadataSidecar(options.MetadataFile, options.MonthFirstNumericDates, Report);
        var totalBytes = splits.Sum(s => s.Split.Bytes);
        long doneBytes = 0;
        for (var f = 0; f < splits.Count; f++)
        {
            var (file, split) = splits[f];
            Splits.Add(split);
            var records = file.Format is SourceFormat.Json or SourceFormat.JsonLines or SourceFormat.Csv or SourceFormat.Tsv;
            var overrides = sidecar.For(file);
            if (records) // a JSON Lines record with its own id has index 0: it is not a page's main article
                overrides = [.. overrides.Select(o => o.Index is null ? o.ForEveryArticle() : o)];
            var readers = new RecordReaders(options, Report);
            string? mainId = null;
            var produced = 0;
            IEnumerator<DraftArticle>? drafts = null;
            try
            {
                while (true)
                {
                    DraftArticle draft;
                    try
                    {
                        drafts ??= (split.Whole ? Drafts(file, readers) : readers.JsonLines(file, split, Bytes)).GetEnumerator();
                        if (!drafts.MoveNext())
                            break;
                        draft = drafts.Current;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        Report(new Diagnostic(file.Relative, null, DiagnosticSeverity.Skipped, "unreadable: " + e.Message));
                        break;
                    }

                    if (draft.Outlet is null && draft.Author is { } author && options.Rules.Outlets.ForByline(author) is { } staffOf)
                        draft = draft with { Outlet = staffOf };
                    var id = ArticleBuilder.IdFor(file.Relative, draft, records);
                    if (string.IsNullOrWhiteSpace(draft.SourceId) && stemRanks.TryGetValue(file.FullPath, out var rank))
                        id += $"~{rank}";
                    id = renameDuplicates ? UniqueId(id, file, draft) : KeptId(id, file, draft); // the line is counted only for a warning
                    if (draft.Index == 0)
                        mainId = id;
                    produced++;
                    articles++;
                    yield return new PendingArticle(draft, id, file.Relative, draft.ParentIndex is 0 ? mainId : null, overrides);
                    if (records && produced % ProgressEvery == 0)
                        options.Progress?.Report(new LoadProgress(f, splits.Count, doneBytes + readers.Position, totalBytes, articles, skipped, file.Relative));
                }
            }
            finally
            {
                drafts?.Dispose(); // also when the caller stops early
            }

            if (split.Whole)
                Bytes.Read += file.Length;
            if (produced == 0 && !records && !skippedFiles.Contains(file.Relative))
                Report(new Diagnostic(file.Relative, null, DiagnosticSeverity.Skipped, "no article text found (only boilerplate, or too little text)"));
            doneBytes += split.Bytes;
            options.Progress?.Report(new LoadProgress(f + 1, splits.Count, doneBytes, totalBytes, articles, skipped, file.Relative));
        }
    }

    private void Report(Diagnostic diagnostic)
    {
        if (diagnostic.Severity == DiagnosticSeverity.Skipped)
        {
            skipped++;
            skippedFiles.Add(diagnostic.File);
        }

        options.OnDiagnostic?.Invoke(diagnostic);
    }

    private IEnumerable<DraftArticle> Drafts(SourceFile file, RecordReaders readers) => file.Format switch
    {
        SourceFormat.JsonLines => readers.JsonLines(file),
        SourceFormat.Json => readers.Json(file),
        SourceFormat.Csv => readers.Csv(file, tabs: false),
        SourceFormat.Tsv => readers.Csv(file, tabs: true),
        _ => Page(file),
    };

    private IEnumerable<DraftArticle> Page(SourceFile file)
    {
        if (file.Length > options.MaxPageBytes)
        {
            Report(new Diagnostic(file.Relative, null, DiagnosticSeverity.Skipped,
                $"{file.Length / 1024.0 / 1024.0:0.#} MB is too large for one page (limit {options.MaxPageBytes / 1024 / 1024} MB)"));
            return [];
        }

        var bytes = File.ReadAllBytes(file.FullPath);
        if (bytes.AsSpan().Trim("\r\n\t \uFEFF"u8).IsEmpty || bytes.Length <= 3 && bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            Report(new Diagnostic(file.Relative, null, DiagnosticSeverity.Skipped, "empty file"));
            return [];
        }

        var text = TextDecoding.DecodePage(bytes, out var problem, out var line);
        if (text is null)
        {
            Report(new Diagnostic(file.Relative, line, DiagnosticSeverity.Skipped, problem!));
            return [];
        }

        if (problem is not null)
            Report(new Diagnostic(file.Relative, line, DiagnosticSeverity.Warning, problem)); // repaired, kept

        if (LongestLine(text, out var longLine) is var longest && longest > options.MaxLineLength)
        {
            Report(new Diagnostic(file.Relative, longLine, DiagnosticSeverity.Skipped,
                $"line {longLine} is {longest:N0} characters long (limit {options.MaxLineLength:N0}): not a readable page"));
            return [];
        }

        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        return file.Format == SourceFormat.Html
            ? new HtmlPageReader(options.Rules, Removed(file)).Read(text, Path.GetFileName(file.FullPath))
            : new ScrapedPageParser(options.Rules, options, Removed(file)).Parse(text);
    }

    private Action<int, string, RemovalReason>? Removed(SourceFile file) => options.OnRemovedLine is { } sink
        ? (line, text, reason) => sink(new RemovedLine(file.Relative, line, text, reason))
        : null;

    private static int LongestLine(string text, out int lineNumber)
    {
        int longest = 0, line = 1, start = 0;
        lineNumber = 1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n')
                continue;
            if (i - start > longest)
            {
                longest = i - start;
                lineNumber = line;
            }

            line++;
            start = i + 1;
        }

        return longest;
    }

    private string KeptId(string id, SourceFile file, DraftArticle draft)
    {
        if (!ids.Add(id))
            Report(new Diagnostic(file.Relative, draft.FileLine, DiagnosticSeverity.Warning,
                $"duplicate id '{id}' kept: a sharded read cannot rename it as an unsharded one would (give records unique ids, or shard by article id)"));
        return id;
    }

    private string UniqueId(string id, SourceFile file, DraftArticle draft)
    {
        if (ids.Add(id))
            return id;
        for (var n = 2; ; n++)
        {
            var candidate = $"{id}~{n}";
            if (ids.Add(candidate))
            {
                Report(new Diagnostic(file.Relative, draft.FileLine, DiagnosticSeverity.Warning, $"duplicate id '{id}' renamed '{candidate}'"));
                return candidate;
            }
        }
    }
}

/// <summary>An article read and named but not yet built: <see cref="Build"/> joins and segments its text and applies the sidecar metadata.</summary>
internal sealed class PendingArticle
{
    private readonly DraftArticle? draft;
    private readonly string? file;
    private readonly string? parentId;
    private readonly IReadOnlyList<MetadataOverride> overrides = [];
    private readonly Article? built;

    public PendingArticle(DraftArticle draft, string id, string file, string? parentId, IReadOnlyList<MetadataOverride> overrides)
    {
        this.draft = draft;
        this.file = file;
        this.parentId = parentId;
        this.overrides = overrides;
        Id = id;
        Characters = draft.Characters;
    }

    private PendingArticle(Article article)
    {
        built = article;
        Id = article.Id;
        Characters = article.Text.Length;
    }

    public string Id { get; }

    /// <summary>About the length of the article's text (the work it will take).</summary>
    public long Characters { get; }

    /// <summary>Wraps an article that is already built.</summary>
    public static PendingArticle Of(Article article) => new(article);

    /// <summary>The article; thread-safe (builds from immutable inputs), and not cached: call once.</summary>
    public Article Build()
    {
        if (built is not null)
            return built;
        var article = ArticleBuilder.Build(draft!, Id, file!, parentId);
        foreach (var entry in overrides)
            article = entry.ApplyTo(article);
        return article;
    }
}
