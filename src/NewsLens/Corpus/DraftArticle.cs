namespace NewsLens;

/// <summary>What a format reader recovered for one article, before ids, sidecar overrides and segmentation.</summary>
internal sealed record DraftArticle
{
    public int Index { get; init; }

    /// <summary>The record's own id (JSON/CSV), used as the article id when present.</summary>
    public string? SourceId { get; init; }

    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public string? Site { get; init; }

    public string? Author { get; init; }

    public DateOnly? Published { get; init; }

    public DateSource DateSource { get; init; } = DateSource.None;

    /// <summary>The full timestamp (ISO 8601) when the source gave a time of day.</summary>
    public string? PublishedAt { get; init; }

    /// <summary>The language the source declares (an HTML page's lang attribute), used when the text does not tell.</summary>
    public string? Language { get; init; }

    public string? Url { get; init; }

    /// <summary>For an embedded related story: the index of the main story of the page.</summary>
    public int? ParentIndex { get; init; }

    /// <summary>Body paragraphs, cleaned.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>
    /// A record's body as found (JSON, CSV), in place of <see cref="Paragraphs"/>: <see cref="ArticleBuilder"/> splits it
    /// into paragraphs and decodes HTML entities, so that work runs where articles are built, not where records are read.
    /// </summary>
    public RecordBody? Body { get; init; }

    /// <summary>About the length of the article's text (the work building it will take).</summary>
    public long Characters
    {
        get
        {
            long characters = Body?.Length ?? 0;
            foreach (var paragraph in Paragraphs)
                characters += paragraph.Length + 2;
            return characters;
        }
    }

    /// <summary>Line where the article starts (for diagnostics), counted from <see cref="Before"/> when set.</summary>
    public int Line { get; init; }

    /// <summary>For a record of a byte range inside a file: the lines before the range, counted only when asked for.</summary>
    public RangeStart? Before { get; init; }

    /// <summary>Line in the source file where the article starts.</summary>
    public int FileLine => (Before?.Lines ?? 0) + Line;
}
