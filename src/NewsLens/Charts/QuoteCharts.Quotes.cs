using Plotly.NET;

namespace NewsLens;

public static partial class QuoteCharts
{
    /// <summary>The attributed quotes with their article's outlet and date (unattributed quotes are left out).</summary>
    public static IReadOnlyList<QuotePoint> Points(Corpus corpus, IEnumerable<Quote> quotes)
    {
        var articles = corpus.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        return quotes
            .Where(q => !string.IsNullOrEmpty(q.Speaker))
            .Select(q => articles.GetValueOrDefault(q.ArticleId) is { } a ? new QuotePoint(q.Speaker!, a.Outlet, a.Published) : new QuotePoint(q.Speaker!, null, null))
            .ToList();
    }

    /// <inheritdoc cref="Frequency(IEnumerable{QuotePoint}, QuoteFrequencyOptions?)"/>
    public static GenericChart Frequency(Corpus corpus, IEnumerable<Quote> quotes, QuoteFrequencyOptions? options = null) =>
        Frequency(Points(corpus, quotes), options);

    /// <inheritdoc cref="OverTime(IEnumerable{QuotePoint}, int, Nullable{TimeBucket})"/>
    public static GenericChart OverTime(Corpus corpus, IEnumerable<Quote> quotes, int top = 5, TimeBucket? bucket = null) =>
        OverTime(Points(corpus, quotes), top, bucket);
}
