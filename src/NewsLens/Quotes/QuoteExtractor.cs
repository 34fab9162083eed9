namespace NewsLens;

/// <summary>Extracts the direct quotations of articles and attributes each to its speaker.</summary>
/// <remarks>
/// <c>QuoteExtractor.Extract(article)</c> for one article, <c>corpus.Quotes()</c> for a corpus. Linear in the
/// text length: quote marks are paired by a single scan, attribution looks only at the quote's sentence and
/// its neighbours.
/// </remarks>
public static class QuoteExtractor
{
    public static IReadOnlyList<Quote> Extract(Article article, QuoteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        options ??= QuoteOptions.Default;
        if (article.Text.Length == 0 || article.Paragraphs.Count == 0)
            return [];
        // Recognising actors costs more than finding quote marks: skip it for articles without quotations.
        var spans = QuoteScanner.Scan(article.Text, article.Paragraphs);
        return spans.Count == 0 ? [] : Run(article, options.Actors.Recognize(article), options, spans);
    }

    /// <summary>Extracts with actor mentions already recognised for this article (saves recognising twice in a pipeline).</summary>
    public static IReadOnlyList<Quote> Extract(Article article, IReadOnlyList<Mention> mentions, QuoteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(mentions);
        options ??= QuoteOptions.Default;
        if (article.Text.Length == 0 || article.Paragraphs.Count == 0)
            return [];
        var spans = QuoteScanner.Scan(article.Text, article.Paragraphs);
        return spans.Count == 0 ? [] : Run(article, mentions, options, spans);
    }

    /// <summary>
    /// The quotations of an article with every sieve's answer for each, in sieve order: which rules fired, what
    /// each would have said, and which one decided (unattributed quotes included).
    /// </summary>
    public static IReadOnlyList<QuoteTrace> Trace(Article article, QuoteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        options ??= QuoteOptions.Default;
        if (article.Text.Length == 0 || article.Paragraphs.Count == 0)
            return [];
        var spans = QuoteScanner.Scan(article.Text, article.Paragraphs);
        return spans.Count == 0 ? [] : new QuoteAttributor(article, options, Known(options.Actors.Recognize(article)), spans).Trace();
    }

    private static KnownActor[] Known(IReadOnlyList<Mention> mentions)
    {
        var known = new KnownActor[mentions.Count];
        for (var i = 0; i < known.Length; i++)
        {
            var m = mentions[i];
            known[i] = new KnownActor(m.Start, m.End, m.Actor, KindOf(m.Kind), GenderOf(m.Gender));
        }

        return known;
    }

    private static IReadOnlyList<Quote> Run(Article article, IReadOnlyList<Mention> mentions, QuoteOptions options, List<QuoteSpan> spans)
    {
        var quotes = new QuoteAttributor(article, options, Known(mentions), spans).Run();
        return options.IncludeUnattributed ? quotes : quotes.Where(q => q.Speaker is not null).ToList();
    }

    private static SpeakerKind KindOf(ActorKind kind) => kind switch
    {
        ActorKind.Person => SpeakerKind.Person,
        ActorKind.Organization => SpeakerKind.Organization,
        ActorKind.Place => SpeakerKind.Place,
        _ => SpeakerKind.Unknown,
    };

    private static string? GenderOf(Gender gender) => gender switch
    {
        Gender.Male => "male",
        Gender.Female => "female",
        _ => null,
    };

    /// <summary>Quotations of every article, in corpus order.</summary>
    public static IEnumerable<Quote> Extract(IEnumerable<Article> articles, QuoteOptions? options = null)
    {
        foreach (var article in articles)
        {
            foreach (var quote in Extract(article, options))
                yield return quote;
        }
    }
}
