using Microsoft.Data.Analysis;

namespace NewsLens;

/// <summary>
/// Sentence-level VADER scores of a set of articles, and their roll-ups: per article, per outlet, over time.
/// Obtain with <c>corpus.Sentiment()</c>.
/// </summary>
public sealed class SentimentResult
{
    private readonly int[] _firstSentence; // per article: index of its first row in Sentences (plus a final end marker)

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
        var observations = new List<(DateOnly Date, string? Outlet, double Compound)>();
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

        return new SentimentTimeSeries(bucket, options, SentimentTimeSeries.Resample(observations, bucket, options), undatedArticles, undatedSentences);
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
