namespace NewsLens;

/// <summary>How <see cref="Corpus.Load(string, LoadOptions?)"/> reads a corpus. Every setting has a working default.</summary>
public sealed record LoadOptions
{
    /// <summary>Boilerplate patterns, outlet signatures, outlet catalog and event calendar (replace with <see cref="PageRules.With"/>).</summary>
    public PageRules Rules { get; init; } = PageRules.Default;

    /// <summary>A metadata file (CSV, JSON or JSON Lines with a <c>file</c> column) whose values override what was recovered, per file.</summary>
    public string? MetadataFile { get; init; }

    /// <summary>Which JSON/CSV columns hold which field, for columns whose names are not the common ones.</summary>
    public ColumnMap Columns { get; init; } = new();

    /// <summary>Numeric dates like 04/05/2025 are read day first unless this is set.</summary>
    public bool MonthFirstNumericDates { get; init; }

    /// <summary>The latest year a date may be inferred for (tests pin it; default: this year).</summary>
    public int CurrentYear { get; init; } = DateTime.UtcNow.Year;

    /// <summary>A related story embedded in a page needs at least this many body words to become an article (else it is a teaser).</summary>
    public int MinEmbeddedWords { get; init; } = 50;

    /// <summary>Lines longer than this (in characters) are not text: a page holding one is skipped, a JSON Lines/CSV record too.</summary>
    public int MaxLineLength { get; init; } = 4_000_000;

    /// <summary>Pages (text, markdown, HTML) larger than this are skipped; JSON Lines and CSV files stream at any size.</summary>
    public long MaxPageBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Receives progress after each file and every few thousand records.</summary>
    public IProgress<LoadProgress>? Progress { get; init; }

    /// <summary>Receives each diagnostic as it happens (streaming); <see cref="Corpus.Load(string, LoadOptions?)"/> also collects them.</summary>
    public Action<Diagnostic>? OnDiagnostic { get; init; }

    /// <summary>
    /// <see cref="Corpus.Load(string, LoadOptions?)"/> keeps every line of a scraped page (.txt, .md) left out of the
    /// articles, with the reason, in <see cref="Corpus.RemovedLines"/>. Off by default: on a large corpus the list holds
    /// most of the page text again.
    /// </summary>
    public bool RecordRemovedLines { get; init; }

    /// <summary>Receives each line of a scraped page left out of the articles, page by page in line order (streaming form of <see cref="RecordRemovedLines"/>).</summary>
    public Action<RemovedLine>? OnRemovedLine { get; init; }

    /// <summary>
    /// <see cref="Corpus.Load(IEnumerable{string}, LoadOptions?)"/> throws <see cref="EmptyCorpusException"/> when no
    /// article loads (a mistyped path, a glob matching nothing, a folder of broken files), naming the paths and what
    /// went wrong, instead of returning an empty corpus. Notebooks set it so a wrong corpus fails its cell.
    /// </summary>
    public bool RequireArticles { get; init; }
}

/// <summary>Column names for JSON/CSV fields; null means "look for the common names" (title/headline, text/body/content, ...).</summary>
public sealed record ColumnMap
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? Text { get; init; }

    public string? Date { get; init; }

    public string? Outlet { get; init; }

    public string? Site { get; init; }

    public string? Url { get; init; }

    public string? Author { get; init; }

    /// <summary>Parses "text=body,date=pub_time" (field=column pairs, as the CLI takes them).</summary>
    public static ColumnMap Parse(string spec)
    {
        var map = new ColumnMap();
        foreach (var pair in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0)
                throw new FormatException($"column mapping '{pair}' is not field=column");
            var column = pair[(eq + 1)..].Trim();
            map = pair[..eq].Trim().ToLowerInvariant() switch
            {
                "id" => map with { Id = column },
                "title" => map with { Title = column },
                "text" => map with { Text = column },
                "date" or "published" => map with { Date = column },
                "outlet" => map with { Outlet = column },
                "site" => map with { Site = column },
                "url" => map with { Url = column },
                "author" => map with { Author = column },
                var other => throw new FormatException($"unknown field '{other}' in column mapping (id, title, text, date, outlet, site, url, author)"),
            };
        }

        return map;
    }
}

/// <summary>Where a load stands: files and bytes done out of the total, articles so far, the file being read.</summary>
public sealed record LoadProgress(int FilesDone, int FilesTotal, long BytesDone, long BytesTotal, int Articles, int Skipped, string? CurrentFile);
