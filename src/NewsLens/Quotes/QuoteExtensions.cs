using Microsoft.Data.Analysis;

namespace NewsLens;

/// <summary>Quotations of a corpus, as records or a DataFrame, and who is quoted how often (by speaker, outlet, period).</summary>
/// <remarks>
/// DataFrame columns (snake_case, stable): article, file, speaker, speaker_mention, resolution, cue, quote, kind,
/// start, end, sentence, confidence, rule (the attribution sieve that decided), statement. Frequency tables: speaker, [outlet | period], quotes (or statements), articles.
/// </remarks>
public static class QuoteExtensions
{
    /// <summary>Every quotation of every article, in corpus order, each with the <see cref="Quote.Statement"/> it renders.</summary>
    public static IReadOnlyList<Quote> Quotes(this Corpus corpus, QuoteOptions? options = null) =>
        QuoteExtractor.Extract(corpus.Articles, options).ToList().LinkStatements(corpus);

    /// <summary>The quotations of one article.</summary>
    public static IReadOnlyList<Quote> Quotes(this Article article, QuoteOptions? options = null) =>
        QuoteExtractor.Extract(article, options);

    public static DataFrame ToDataFrame(this IEnumerable<Quote> quotes)
    {
        var list = quotes as IReadOnlyList<Quote> ?? quotes.ToList();
        return new DataFrame(
            new StringDataFrameColumn("article", list.Select(q => q.ArticleId)),
            new StringDataFrameColumn("file", list.Select(q => q.File)),
            new StringDataFrameColumn("speaker", list.Select(q => q.Speaker)),
            new StringDataFrameColumn("speaker_mention", list.Select(q => q.SpeakerMention)),
            new StringDataFrameColumn("resolution", list.Select(q => Name(q.Resolution))),
            new StringDataFrameColumn("cue", list.Select(q => q.Cue)),
            new StringDataFrameColumn("quote", list.Select(q => q.Text)),
            new StringDataFrameColumn("kind", list.Select(q => Name(q.Kind))),
            new PrimitiveDataFrameColumn<int>("start", list.Select(q => q.Start)),
            new PrimitiveDataFrameColumn<int>("end", list.Select(q => q.End)),
            new PrimitiveDataFrameColumn<int>("sentence", list.Select(q => q.Sentence)),
            new PrimitiveDataFrameColumn<double>("confidence", list.Select(q => q.Confidence)),
            new StringDataFrameColumn("rule", list.Select(q => q.Rule)),
            new StringDataFrameColumn("statement", list.Select(q => q.Statement)));
    }

    /// <summary>How often each speaker is quoted and in how many articles, most quoted first (unattributed quotes under a null speaker).</summary>
    /// <param name="quotes">The quotes.</param>
    /// <param name="count">Count quotes, or statements (a statement carried five times counts once; quotes need statement ids).</param>
    public static DataFrame QuotesBySpeaker(this IEnumerable<Quote> quotes, QuoteCount count = QuoteCount.Quotes)
    {
        var rows = quotes
            .GroupBy(q => q.Speaker)
            .Select(g => (Speaker: g.Key, Quotes: Count(g, count), Articles: g.Select(q => q.ArticleId).Distinct().Count()))
            .OrderByDescending(r => r.Quotes).ThenBy(r => r.Speaker, StringComparer.Ordinal)
            .ToList();
        return new DataFrame(
            new StringDataFrameColumn("speaker", rows.Select(r => r.Speaker)),
            new PrimitiveDataFrameColumn<int>(CountColumn(count), rows.Select(r => r.Quotes)),
            new PrimitiveDataFrameColumn<int>("articles", rows.Select(r => r.Articles)));
    }

    /// <summary>Quotes (or statements) per outlet and speaker (who each outlet quotes).</summary>
    public static DataFrame QuotesByOutlet(this Corpus corpus, IEnumerable<Quote>? quotes = null, QuoteCount count = QuoteCount.Quotes) =>
        Grouped(corpus, quotes, "outlet", a => a?.Outlet, count);

    /// <summary>Quotes (or statements) per period of the article's published date ("2024-07", "2024-Q3", "2024-W28") and speaker; undated articles fall under a null period.</summary>
    public static DataFrame QuotesByPeriod(this Corpus corpus, TimeBucket period = TimeBucket.Month, IEnumerable<Quote>? quotes = null, QuoteCount count = QuoteCount.Quotes) =>
        Grouped(corpus, quotes, "period", a => a?.Published is { } d ? TimeBuckets.Label(TimeBuckets.Start(d, period), period) : null, count);

    // Statements counted by id; a quote without one counts as its own statement.
    private static int Count(IEnumerable<Quote> quotes, QuoteCount count) => count == QuoteCount.Statements
        ? quotes.Select(q => q.Statement ?? "\u0000" + q.ArticleId + "#" + q.Start).Distinct(StringComparer.Ordinal).Count()
        : quotes.Count();

    private static string CountColumn(QuoteCount count) => count == QuoteCount.Statements ? "statements" : "quotes";

    private static DataFrame Grouped(Corpus corpus, IEnumerable<Quote>? quotes, string column, Func<Article?, string?> key, QuoteCount count)
    {
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var article in corpus.Articles)
            articles.TryAdd(article.Id, article);
        var rows = (quotes ?? corpus.Quotes())
            .GroupBy(q => (Group: key(articles.GetValueOrDefault(q.ArticleId)), q.Speaker))
            .Select(g => (g.Key.Group, g.Key.Speaker, Quotes: Count(g, count), Articles: g.Select(q => q.ArticleId).Distinct().Count()))
            .OrderBy(r => r.Group, StringComparer.Ordinal).ThenByDescending(r => r.Quotes).ThenBy(r => r.Speaker, StringComparer.Ordinal)
            .ToList();
        return new DataFrame(
            new StringDataFrameColumn(column, rows.Select(r => r.Group)),
            new StringDataFrameColumn("speaker", rows.Select(r => r.Speaker)),
            new PrimitiveDataFrameColumn<int>(CountColumn(count), rows.Select(r => r.Quotes)),
            new PrimitiveDataFrameColumn<int>("articles", rows.Select(r => r.Articles)));
    }

    // Made once, by value: rule confidence looks a resolution's name up for every quote.
    private static readonly Dictionary<SpeakerResolution, string> ResolutionNames =
        Enum.GetValues<SpeakerResolution>().ToDictionary(r => r, r => r.ToString().ToLowerInvariant());

    internal static string Name(SpeakerResolution resolution) =>
        ResolutionNames.TryGetValue(resolution, out var name) ? name : resolution.ToString().ToLowerInvariant();

    internal static string Name(QuoteKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>What quote-frequency roll-ups count.</summary>
public enum QuoteCount
{
    /// <summary>Every quotation.</summary>
    Quotes,

    /// <summary>Statements: all renderings of one utterance count once.</summary>
    Statements,
}
