using Microsoft.Data.Analysis;

namespace NewsLens;

/// <summary>
/// Sentence-level VADER scores of a set of articles, and their roll-ups: per article, per outlet, over time.
/// Obtain with <c>corpus.Sentiment()</c>.
/// </summary>
public sealed class SentimentResult
{
    private readonly int[] _firstSentence; // per article: index of its first row in Sentences (plus a final end marker)
    private Dictionary<string, int>? _articleIndex;

    internal SentimentResult(IReadOnlyList<Article> articles, IReadOnlyList<SentenceSentiment> sentences, int[] firstSentence)
    {
        Articles = articles;
        Sentences = sentences;
        _firstSentence = firstSentence;
    }

    public IReadOnlyList<Article> Articles { get; }

    /// <summary>Every sentence of every article, in article then text order.</summary>
    public IReadOnlyList<SentenceSentiment> Sentences { get; }

    /// <summary>Columns: article, file, sentence, start, end, neg, neu, pos, compound.</summary>
    public DataFrame ToDataFrame() => new(
        new StringDataFrameColumn("article", Sentences.Select(s => s.Article)),
        new StringDataFrameColumn("file", Sentences.Select(s => s.File)),
        new Int32DataFrameColumn("sentence", Sentences.Select(s => s.Sentence)),
        new Int32DataFrameColumn("start", Sentences.Select(s => s.Start)),
        new Int32DataFrameColumn("end", Sentences.Select(s => s.End)),
        new DoubleDataFrameColumn("neg", Sentences.Select(s => s.Score.Negative)),
        new DoubleDataFrameColumn("neu", Sentences.Select(s => s.Score.Neutral)),
        new DoubleDataFrameColumn("pos", Sentences.Select(s => s.Score.Positive)),
        new DoubleDataFrameColumn("compound", Sentences.Select(s => s.Score.Compound)));

    /// <summary>Each article's mean compound and shares of positive/negative/neutral sentences (±0.05), in corpus order.</summary>
    public IReadOnlyList<ArticleSentiment> ByArticle()
    {
        var rows = new List<ArticleSentiment>(Articles.Count);
        for (var a = 0; a < Articles.Count; a++)
        {
            var article = Articles[a];
            var statistics = SentimentStatistics.Of(CompoundsOf(a));
            rows.Add(new ArticleSentiment(
                article.Id, article.File, article.Title, article.Outlet, article.Published, statistics.Count,
                statistics.Mean, statistics.SharePositive, statistics.ShareNegative, statistics.ShareNeutral));
        }

        return rows;
    }

    /// <summary>Each outlet's mean article tone with its 95 % CI; most articles first, unknown outlet last.</summary>
    public IReadOnlyList<OutletSentiment> ByOutlet() =>
        ByArticle()
            .Where(a => a.MeanCompound is not null)
            .GroupBy(a => a.Outlet)
            .Select(group =>
            {
                var means = group.Select(a => a.MeanCompound!.Value).ToArray();
                var statistics = SentimentStatistics.Of(means);
                return new OutletSentiment(
                    group.Key, statistics.Count, group.Sum(a => a.Sentences), statistics.Mean!.Value, statistics.CiLow, statistics.CiHigh,
                    statistics.SharePositive!.Value, statistics.ShareNegative!.Value, statistics.ShareNeutral!.Value);
            })
            .OrderBy(o => o.Outlet is null)
            .ThenByDescending(o => o.Articles)
            .ThenBy(o => o.Outlet, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Resamples on the articles' published dates: count, mean, 95 % CI and rolling mean per bucket. Articles without a
    /// date are counted in <see cref="SentimentTimeSeries.UndatedArticles"/>, never placed on a guessed date.
    /// </summary>
    public SentimentTimeSeries OverTime(TimeBucket bucket, TimeSeriesOptions? options = null)
    {
        options ??= new TimeSeriesOptions();
        var observations = new List<(DateOnly Date, string? Group, double Compound)>();
        int undatedArticles = 0, undatedSentences = 0;
        for (var a = 0; a < Articles.Count; a++)
        {
            var article = Articles[a];
            var compounds = CompoundsOf(a);
            if (article.Published is not { } date)
            {
                undatedArticles++;
                undatedSentences += compounds.Length;
                continue;
            }

            if (options.Unit == SentimentUnit.Sentence)
            {
                foreach (var compound in compounds)
                    observations.Add((date, article.Outlet, compound));
            }
            else if (SentimentStatistics.Of(compounds).Mean is { } mean)
            {
                observations.Add((date, article.Outlet, mean));
            }
        }

        return new SentimentTimeSeries(
            bucket, options, options.ByOutlet ? "outlet" : null, SentimentTimeSeries.Resample(observations, bucket, options, options.ByOutlet),
            undatedArticles, undatedSentences);
    }

    /// <summary>
    /// Each actor's tone: the sentences that mention them (a sentence counts once per actor) and, separately, the quotes
    /// they speak (each quote weighs once: the mean compound of its sentences). Most-mentioned actors first.
    /// </summary>
    /// <param name="mentions">Mentions in these articles, e.g. <c>corpus.Mentions()</c>.</param>
    /// <param name="quotes">Quotations, e.g. <c>corpus.Quotes()</c>; those without a speaker are left out. Omit for mentions only.</param>
    /// <param name="vader">The analyzer for the quotations (the default one unless given).</param>
    /// <example><c>corpus.Sentiment().ByActor(corpus.Mentions(), corpus.Quotes()).ToDataFrame()</c></example>
    public IReadOnlyList<ActorSentiment> ByActor(IEnumerable<Mention> mentions, IEnumerable<Quote>? quotes = null, Vader? vader = null) =>
        ByActor(mentions.Select(m => (m.ArticleId, m.Sentence, m.Actor)), (quotes ?? []).Select(q => (q.ArticleId, q.Speaker, q.Text)), vader);

    /// <summary>
    /// Resamples the sentences that mention each actor on their articles' published dates: one series per actor,
    /// each observation a sentence. Undated articles are counted, never placed.
    /// </summary>
    public SentimentTimeSeries ActorsOverTime(IEnumerable<Mention> mentions, TimeBucket bucket, TimeSeriesOptions? options = null)
    {
        options ??= new TimeSeriesOptions();
        var observations = new List<(DateOnly Date, string? Group, double Compound)>();
        var undatedArticles = new HashSet<int>();
        var undatedSentences = 0;
        foreach (var (actor, article, sentence) in MentionedSentences(mentions.Select(m => (m.ArticleId, m.Sentence, m.Actor))))
        {
            if (Articles[article].Published is { } date)
            {
                observations.Add((date, actor, Sentences[sentence].Score.Compound));
                continue;
            }

            undatedArticles.Add(article);
            undatedSentences++;
        }

        return new SentimentTimeSeries(
            bucket, options with { Unit = SentimentUnit.Sentence }, "actor", SentimentTimeSeries.Resample(observations, bucket, options, grouped: true),
            undatedArticles.Count, undatedSentences);
    }

    internal IReadOnlyList<ActorSentiment> ByActor(
        IEnumerable<(string ArticleId, int Sentence, string Actor)> mentions,
        IEnumerable<(string ArticleId, string? Speaker, string Text)> quotes,
        Vader? vader = null)
    {
        var mentioned = MentionedSentences(mentions)
            .GroupBy(m => m.Actor, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var quoted = quotes
            .Where(q => q.Speaker is not null)
            .Select(q => (Speaker: q.Speaker!, Compound: SentimentStatistics.Of(ScoreSentences(q.Text, vader ?? Vader.Default)).Mean))
            .Where(q => q.Compound is not null)
            .GroupBy(q => q.Speaker, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(q => q.Compound!.Value).ToArray(), StringComparer.Ordinal);

        return mentioned.Keys.Union(quoted.Keys)
            .Select(actor =>
            {
                var sentences = mentioned.GetValueOrDefault(actor) ?? [];
                var statistics = SentimentStatistics.Of(sentences.Select(s => Sentences[s.Sentence].Score.Compound).ToArray());
                var quoteStatistics = SentimentStatistics.Of(quoted.GetValueOrDefault(actor) ?? []);
                return new ActorSentiment(
                    actor, sentences.Select(s => s.Article).Distinct().Count(), statistics.Count, statistics.Mean, statistics.CiLow, statistics.CiHigh,
                    statistics.SharePositive, statistics.ShareNegative, statistics.ShareNeutral,
                    quoteStatistics.Count, quoteStatistics.Mean, quoteStatistics.CiLow, quoteStatistics.CiHigh);
            })
            .OrderByDescending(a => a.Sentences)
            .ThenByDescending(a => a.Quotes)
            .ThenBy(a => a.Actor, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Distinct (actor, article index, sentence row) triples; a mention of an article not in this result is an error.</summary>
    private IEnumerable<(string Actor, int Article, int Sentence)> MentionedSentences(IEnumerable<(string ArticleId, int Sentence, string Actor)> mentions)
    {
        var seen = new HashSet<(string, int)>();
        foreach (var (articleId, sentence, actor) in mentions)
        {
            if (!ArticleIndex.TryGetValue(articleId, out var article))
                throw new ArgumentException($"mention of {actor} refers to article '{articleId}', which is not among the scored articles");
            var row = _firstSentence[article] + sentence;
            if (sentence < 0 || row >= _firstSentence[article + 1])
                throw new ArgumentException($"mention of {actor} refers to sentence {sentence} of article '{articleId}', which has {_firstSentence[article + 1] - _firstSentence[article]}");
            if (seen.Add((actor, row)))
                yield return (actor, article, row);
        }
    }

    private Dictionary<string, int> ArticleIndex => _articleIndex ??= BuildArticleIndex();

    private Dictionary<string, int> BuildArticleIndex()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < Articles.Count; a++)
            index.TryAdd(Articles[a].Id, a);
        return index;
    }

    private static double[] ScoreSentences(string text, Vader vader)
    {
        var segmented = Segmenter.Segment(text);
        return segmented.Sentences.Select(s => vader.Score(segmented.Text.AsSpan(s.Start, s.Length)).Compound).ToArray();
    }

    private double[] CompoundsOf(int article)
    {
        var (start, end) = (_firstSentence[article], _firstSentence[article + 1]);
        var compounds = new double[end - start];
        for (var s = start; s < end; s++)
            compounds[s - start] = Sentences[s].Score.Compound;
        return compounds;
    }
}
