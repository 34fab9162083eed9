namespace NewsLens;

/// <summary>The tables the pipeline writes, their columns (snake_case, stable) and how rows come from an <see cref="ArticleAnalysis"/>.</summary>
/// <remarks>
/// Child tables name their article in an <c>article</c> column (the article's id). Offsets (<c>start</c>,
/// <c>end</c>) are character offsets into the article's <c>text</c>. Partition columns (year, month) live in the
/// directory names, not in the files, as Hive, Spark and DuckDB expect.
/// </remarks>
internal static class AnalysisTables
{
    public static readonly Table<Article> Articles = new("articles",
        Column.String<Article>("id", a => a.Id),
        Column.String<Article>("file", a => a.File),
        Column.Int<Article>("index", a => a.Index),
        Column.String<Article>("title", a => a.Title),
        Column.String<Article>("outlet", a => a.Outlet),
        Column.String<Article>("site", a => a.Site),
        Column.String<Article>("author", a => a.Author),
        Column.Date<Article>("published", a => a.Published),
        Column.String<Article>("published_at", a => a.PublishedAt),
        Column.String<Article>("date_source", a => DateSourceName(a.DateSource)),
        Column.String<Article>("url", a => a.Url),
        Column.String<Article>("language", a => a.Language),
        Column.String<Article>("parent_id", a => a.ParentId),
        Column.Int<Article>("words", a => a.Words),
        Column.Int<Article>("paragraphs", a => a.Paragraphs.Count),
        Column.Int<Article>("sentences", a => a.Sentences.Count),
        Column.String<Article>("text", a => a.Text));

    public static readonly Table<SentenceRow> Sentences = new("sentences",
        Column.String<SentenceRow>("article", r => r.Article.Id),
        Column.Int<SentenceRow>("sentence", r => r.Index),
        Column.Int<SentenceRow>("paragraph", r => r.Sentence.Paragraph),
        Column.Int<SentenceRow>("start", r => r.Sentence.Start),
        Column.Int<SentenceRow>("end", r => r.Sentence.End),
        Column.Text<SentenceRow>("text", r => r.Article.Text.AsMemory(r.Sentence.Start, r.Sentence.Length)));

    public static readonly Table<Mention> Mentions = new("mentions",
        Column.String<Mention>("article", m => m.ArticleId),
        Column.Int<Mention>("paragraph", m => m.Paragraph),
        Column.Int<Mention>("sentence", m => m.Sentence),
        Column.String<Mention>("actor", m => m.Actor),
        Column.String<Mention>("kind", m => Lower(m.Kind)),
        Column.String<Mention>("surface", m => m.Surface),
        Column.Int<Mention>("start", m => m.Start),
        Column.Int<Mention>("end", m => m.End),
        Column.String<Mention>("source", m => Lower(m.Source)));

    public static readonly Table<Quote> Quotes = new("quotes",
        Column.String<Quote>("article", q => q.ArticleId),
        Column.String<Quote>("file", q => q.File),
        Column.String<Quote>("speaker", q => q.Speaker),
        Column.String<Quote>("speaker_mention", q => q.SpeakerMention),
        Column.String<Quote>("resolution", q => Lower(q.Resolution)),
        Column.String<Quote>("cue", q => q.Cue),
        Column.String<Quote>("quote", q => q.Text),
        Column.String<Quote>("kind", q => Lower(q.Kind)),
        Column.Int<Quote>("start", q => q.Start),
        Column.Int<Quote>("end", q => q.End),
        Column.Int<Quote>("sentence", q => q.Sentence),
        Column.Double<Quote>("confidence", q => q.Confidence),
        Column.String<Quote>("rule", q => q.Rule),
        Column.String<Quote>("statement", q => q.Statement));

    public static readonly Table<SentenceSentiment> Sentiment = new("sentiment",
        Column.String<SentenceSentiment>("article", s => s.Article),
        Column.String<SentenceSentiment>("file", s => s.File),
        Column.Int<SentenceSentiment>("sentence", s => s.Sentence),
        Column.Int<SentenceSentiment>("start", s => s.Start),
        Column.Int<SentenceSentiment>("end", s => s.End),
        Column.Double<SentenceSentiment>("neg", s => s.Score.Negative),
        Column.Double<SentenceSentiment>("neu", s => s.Score.Neutral),
        Column.Double<SentenceSentiment>("pos", s => s.Score.Positive),
        Column.Double<SentenceSentiment>("compound", s => s.Score.Compound));

    public static readonly Table<ActorPairCount> Cooccurrence = new("cooccurrence",
        Column.String<ActorPairCount>("window", r => r.Window),
        Column.String<ActorPairCount>("a", r => r.A),
        Column.String<ActorPairCount>("b", r => r.B),
        Column.Long<ActorPairCount>("count", r => r.Count));

    /// <summary>One row per statement (written after the stream, by <see cref="StatementTables"/>).</summary>
    public static readonly Table<Statement> Statements = new("statements",
        Column.String<Statement>("statement", s => s.Id),
        Column.String<Statement>("speaker", s => s.Speaker),
        Column.String<Statement>("text", s => s.Text),
        Column.Date<Statement>("first_date", s => s.FirstDate),
        Column.String<Statement>("first_outlet", s => s.FirstOutlet),
        Column.String<Statement>("first_article", s => s.FirstArticle),
        Column.Int<Statement>("renderings", s => s.Renderings.Count),
        Column.Int<Statement>("articles", s => s.Articles),
        Column.Int<Statement>("outlets", s => s.Outlets.Count),
        Column.String<Statement>("outlet_order", StatementExtensions.OutletOrder),
        Column.Int<Statement>("variants", s => s.Variants().Count),
        Column.String<Statement>("texts", StatementExtensions.TextsJson));

    /// <summary>Every table name, in writing order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["articles", "sentences", "mentions", "quotes", "cooccurrence", "sentiment", "statements"];

    public static IEnumerable<SentenceRow> SentenceRows(IEnumerable<ArticleAnalysis> analyses)
    {
        foreach (var analysis in analyses)
        {
            var article = analysis.Article;
            for (var i = 0; i < article.Sentences.Count; i++)
                yield return new SentenceRow(article, i, article.Sentences[i]);
        }
    }

    private static string DateSourceName(DateSource source) => Lower(source);

    // Enum names as lower-case text, computed once per value rather than once per row.
    private static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum => LowerNames<TEnum>.Names.TryGetValue(value, out var name) ? name : value.ToString().ToLowerInvariant();

    private static class LowerNames<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> Names = Enum.GetValues<TEnum>().ToDictionary(v => v, v => v.ToString().ToLowerInvariant());
    }
}

/// <summary>A sentence with its article and its position in it.</summary>
internal readonly record struct SentenceRow(Article Article, int Index, Sentence Sentence);
