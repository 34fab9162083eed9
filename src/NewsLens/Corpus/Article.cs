namespace NewsLens;

/// <summary>One news article: cleaned text plus the metadata recovered for it, each field with where it came from.</summary>
/// <remarks>Offsets of paragraphs, sentences and every downstream record (mention, quote, score) point into <see cref="Text"/>.</remarks>
public sealed record Article
{
    /// <summary>Stable id: derived from the file path (relative to the input root) and <see cref="Index"/>.</summary>
    public required string Id { get; init; }

    /// <summary>Source file, relative to the input root ('/' separators).</summary>
    public required string File { get; init; }

    /// <summary>Position within the file: 0 for the main article; 1.. for embedded related articles or records of a JSONL/CSV file.</summary>
    public int Index { get; init; }

    public string? Title { get; init; }

    /// <summary>The news organisation that wrote the story (e.g. a wire re-posted on an aggregator).</summary>
    public string? Outlet { get; init; }

    /// <summary>The site the page was found on, when it differs from or hosts the outlet.</summary>
    public string? Site { get; init; }

    public string? Author { get; init; }

    public DateOnly? Published { get; init; }

    public DateSource DateSource { get; init; } = DateSource.None;

    /// <summary>The full publication timestamp, ISO 8601, when the source gives a time of day: in the source's own UTC
    /// offset when it names one ("2019-05-03T10:20:00+02:00"), else as written, without a zone. <see cref="Published"/>
    /// is its date part.</summary>
    public string? PublishedAt { get; init; }

    /// <summary>The language of the text, an ISO 639-1 code ("en", "ja"), detected from the text (see <see cref="LanguageGuess"/>),
    /// else as the page declares it; null when neither tells.</summary>
    public string? Language { get; init; }

    public string? Url { get; init; }

    /// <summary>For an embedded related article: the id of the main article of the same page.</summary>
    public string? ParentId { get; init; }

    /// <summary>Cleaned body text; paragraphs are separated by a blank line.</summary>
    public required string Text { get; init; }

    public IReadOnlyList<TextSpan> Paragraphs { get; init; } = [];

    public IReadOnlyList<Sentence> Sentences { get; init; } = [];

    public int Words { get; init; }

    /// <summary>Builds an article from plain text (paragraphs separated by blank lines), segmented into paragraphs and sentences.</summary>
    public static Article FromText(string text, string id = "text", string? title = null, DateOnly? published = null, string? outlet = null)
    {
        var segmented = Segmenter.Segment(text);
        return new Article
        {
            Id = id,
            File = id,
            Title = title,
            Published = published,
            DateSource = published is null ? DateSource.None : DateSource.Metadata,
            Outlet = outlet,
            Text = segmented.Text,
            Paragraphs = segmented.Paragraphs,
            Sentences = segmented.Sentences,
            Words = segmented.Words,
        };
    }

    public string this[TextSpan span] => Text.Substring(span.Start, span.Length);
}

/// <summary>Where a published date came from.</summary>
public enum DateSource
{
    None,
    Explicit,
    Url,
    Inferred,
    Metadata,

    /// <summary>A page's JSON-LD (schema.org datePublished), when no article:published_time meta gave a plausible date.</summary>
    JsonLd,
}

/// <summary>A character range [Start, End) into an article's text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;
}

/// <summary>A sentence of an article: its range and the index of the paragraph that holds it.</summary>
public readonly record struct Sentence(int Start, int End, int Paragraph)
{
    public int Length => End - Start;

    public TextSpan Span => new(Start, End);
}
