using System.Text.Json;
using Microsoft.Data.Analysis;

namespace NewsLens;

/// <summary>Statements of a corpus: linking quotes to the utterance they render, and one row per statement.</summary>
/// <remarks>
/// DataFrame columns (snake_case, stable): statement, speaker, text, first_date, first_outlet, first_article,
/// renderings, articles, outlets, outlet_order (outlets in order of first appearance, "; "-separated), variants
/// (distinct wordings), texts (the distinct wordings as a JSON array, first appearance first).
/// </remarks>
public static class StatementExtensions
{
    /// <summary>Every statement of the corpus, the most widely carried first.</summary>
    public static IReadOnlyList<Statement> Statements(this Corpus corpus, StatementOptions? options = null) =>
        corpus.Statements(corpus.Quotes(), options);

    /// <summary>The statements of these quotes (linked first when they carry no statement ids yet).</summary>
    public static IReadOnlyList<Statement> Statements(this Corpus corpus, IEnumerable<Quote> quotes, StatementOptions? options = null)
    {
        var list = quotes as IReadOnlyList<Quote> ?? quotes.ToList();
        if (list.Any(q => q.Statement is null))
            list = list.LinkStatements(corpus, options);
        var articles = ArticlesById(corpus);
        return Build(list.Select(q => Rendering(q, articles.GetValueOrDefault(q.ArticleId))).ToList());
    }

    /// <summary>The quotes with <see cref="Quote.Statement"/> set: renderings of one utterance share an id.</summary>
    /// <remarks>Dates and outlets come from the corpus's articles (time is evidence: see <see cref="StatementOptions.MaxDaysApart"/>).</remarks>
    public static IReadOnlyList<Quote> LinkStatements(this IReadOnlyList<Quote> quotes, Corpus corpus, StatementOptions? options = null)
    {
        var articles = ArticlesById(corpus);
        var ids = StatementLinker.Link(
            quotes.Select(q => LinkQuoteOf(q, articles.GetValueOrDefault(q.ArticleId))).ToList(),
            options);
        var linked = new Quote[quotes.Count];
        for (var i = 0; i < linked.Length; i++)
            linked[i] = quotes[i] with { Statement = ids[i] };
        return linked;
    }

    private static LinkQuote LinkQuoteOf(Quote q, Article? article)
    {
        string? context = null;
        if (article is not null && q.Sentence >= 0 && q.Sentence < article.Sentences.Count)
        {
            var sentence = article.Sentences[q.Sentence];
            context = article.Text.Substring(sentence.Start, sentence.Length);
        }

        return new LinkQuote(q.ArticleId, q.Start, q.End, q.Text, q.Speaker, article?.Published, context);
    }

    public static DataFrame ToDataFrame(this IEnumerable<Statement> statements)
    {
        var list = statements as IReadOnlyList<Statement> ?? statements.ToList();
        return new DataFrame(
            new StringDataFrameColumn("statement", list.Select(s => s.Id)),
            new StringDataFrameColumn("speaker", list.Select(s => s.Speaker)),
            new StringDataFrameColumn("text", list.Select(s => s.Text)),
            new PrimitiveDataFrameColumn<DateTime>("first_date", list.Select(s => s.FirstDate?.ToDateTime(TimeOnly.MinValue))),
            new StringDataFrameColumn("first_outlet", list.Select(s => s.FirstOutlet)),
            new StringDataFrameColumn("first_article", list.Select(s => s.FirstArticle)),
            new PrimitiveDataFrameColumn<int>("renderings", list.Select(s => s.Renderings.Count)),
            new PrimitiveDataFrameColumn<int>("articles", list.Select(s => s.Articles)),
            new PrimitiveDataFrameColumn<int>("outlets", list.Select(s => s.Outlets.Count)),
            new StringDataFrameColumn("outlet_order", list.Select(s => OutletOrder(s))),
            new PrimitiveDataFrameColumn<int>("variants", list.Select(s => Variants(s).Count)),
            new StringDataFrameColumn("texts", list.Select(s => TextsJson(s))));
    }

    /// <summary>The distinct wordings of a statement, first appearance first (case and spacing ignored).</summary>
    public static IReadOnlyList<string> Variants(this Statement statement) =>
        statement.Renderings.Select(r => r.Text.Trim())
            .DistinctBy(t => string.Join(' ', StatementText.Words(t)).ToLowerInvariant())
            .ToList();

    internal static string OutletOrder(Statement s) => string.Join("; ", s.Outlets);

    internal static string TextsJson(Statement s) => JsonSerializer.Serialize(Variants(s));

    internal static StatementRendering Rendering(Quote q, Article? article) =>
        new(q.ArticleId, article?.Outlet, article?.Published, q.Speaker, q.Text, q.Start, q.End) { Statement = q.Statement };

    /// <summary>Groups renderings (each carrying its statement id) into statements, the most widely carried first.</summary>
    internal static IReadOnlyList<Statement> Build(IReadOnlyList<StatementRendering> renderings)
    {
        var statements = new List<Statement>();
        foreach (var group in renderings.Where(r => r.Statement is not null).GroupBy(r => r.Statement!, StringComparer.Ordinal))
        {
            var ordered = group
                .OrderBy(r => r.Date?.DayNumber ?? int.MaxValue)
                .ThenBy(r => r.ArticleId, StringComparer.Ordinal)
                .ThenBy(r => r.Start)
                .ToList();
            var first = ordered[0];
            var speaker = ordered.Where(r => r.Speaker is not null)
                .GroupBy(r => r.Speaker!, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => ordered.IndexOf(g.First()))
                .Select(g => g.Key).FirstOrDefault();
            var fullest = ordered.OrderByDescending(r => StatementText.Count(r.Text)).ThenBy(r => ordered.IndexOf(r)).First();
            var outlets = ordered.Where(r => r.Outlet is not null).Select(r => r.Outlet!).Distinct(StringComparer.Ordinal).ToList();
            statements.Add(new Statement(group.Key, speaker, fullest.Text.Trim(), first.Date, first.Outlet, first.ArticleId,
                ordered.Select(r => r.ArticleId).Distinct(StringComparer.Ordinal).Count(), outlets, ordered));
        }

        return statements
            .OrderByDescending(s => s.Outlets.Count)
            .ThenByDescending(s => s.Articles)
            .ThenByDescending(s => s.Renderings.Count)
            .ThenBy(s => s.FirstDate?.DayNumber ?? int.MaxValue)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, Article> ArticlesById(Corpus corpus)
    {
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var article in corpus.Articles)
            articles.TryAdd(article.Id, article);
        return articles;
    }
}
