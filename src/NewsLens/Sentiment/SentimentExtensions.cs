using Microsoft.Data.Analysis;

namespace NewsLens;

/// <summary>Sentiment entry points on the types people hold: <c>corpus.Sentiment()</c>, and table views of the roll-ups.</summary>
public static class SentimentExtensions
{
    /// <summary>Scores every sentence of every article with VADER (the default analyzer unless one is given).</summary>
    public static SentimentResult Sentiment(this IEnumerable<Article> articles, Vader? vader = null)
    {
        vader ??= Vader.Default;
        var list = articles as IReadOnlyList<Article> ?? articles.ToList();
        var sentences = new List<SentenceSentiment>();
        var firstSentence = new int[list.Count + 1];
        for (var a = 0; a < list.Count; a++)
        {
            var article = list[a];
            firstSentence[a] = sentences.Count;
            for (var s = 0; s < article.Sentences.Count; s++)
            {
                var sentence = article.Sentences[s];
                var score = vader.Score(article.Text.AsSpan(sentence.Start, sentence.Length));
                sentences.Add(new SentenceSentiment(article.Id, article.File, s, sentence.Start, sentence.End, score));
            }
        }

        firstSentence[list.Count] = sentences.Count;
        return new SentimentResult(list, sentences, firstSentence);
    }

    /// <summary>Columns: article, file, title, outlet, published, sentences, mean_compound, share_positive, share_negative, share_neutral.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ArticleSentiment> articles)
    {
        var rows = articles as IReadOnlyList<ArticleSentiment> ?? articles.ToList();
        return new DataFrame(
            new StringDataFrameColumn("article", rows.Select(r => r.Article)),
            new StringDataFrameColumn("file", rows.Select(r => r.File)),
            new StringDataFrameColumn("title", rows.Select(r => r.Title)),
            new StringDataFrameColumn("outlet", rows.Select(r => r.Outlet)),
            new DateTimeDataFrameColumn("published", rows.Select(r => r.Published?.ToDateTime(TimeOnly.MinValue))),
            new Int32DataFrameColumn("sentences", rows.Select(r => r.Sentences)),
            new DoubleDataFrameColumn("mean_compound", rows.Select(r => r.MeanCompound)),
            new DoubleDataFrameColumn("share_positive", rows.Select(r => r.SharePositive)),
            new DoubleDataFrameColumn("share_negative", rows.Select(r => r.ShareNegative)),
            new DoubleDataFrameColumn("share_neutral", rows.Select(r => r.ShareNeutral)));
    }

    /// <summary>Columns: outlet, articles, sentences, mean_compound, ci_low, ci_high, share_positive, share_negative, share_neutral.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<OutletSentiment> outlets)
    {
        var rows = outlets as IReadOnlyList<OutletSentiment> ?? outlets.ToList();
        return new DataFrame(
            new StringDataFrameColumn("outlet", rows.Select(r => r.Outlet)),
            new Int32DataFrameColumn("articles", rows.Select(r => r.Articles)),
            new Int32DataFrameColumn("sentences", rows.Select(r => r.Sentences)),
            new DoubleDataFrameColumn("mean_compound", rows.Select(r => r.MeanCompound)),
            new DoubleDataFrameColumn("ci_low", rows.Select(r => r.CiLow)),
            new DoubleDataFrameColumn("ci_high", rows.Select(r => r.CiHigh)),
            new DoubleDataFrameColumn("share_positive", rows.Select(r => r.SharePositive)),
            new DoubleDataFrameColumn("share_negative", rows.Select(r => r.ShareNegative)),
            new DoubleDataFrameColumn("share_neutral", rows.Select(r => r.ShareNeutral)));
    }

    /// <summary>
    /// Columns: actor, articles, sentences, mean_compound, ci_low, ci_high, share_positive, share_negative, share_neutral,
    /// quotes, quote_mean_compound, quote_ci_low, quote_ci_high.
    /// </summary>
    public static DataFrame ToDataFrame(this IEnumerable<ActorSentiment> actors)
    {
        var rows = actors as IReadOnlyList<ActorSentiment> ?? actors.ToList();
        return new DataFrame(
            new StringDataFrameColumn("actor", rows.Select(r => r.Actor)),
            new Int32DataFrameColumn("articles", rows.Select(r => r.Articles)),
            new Int32DataFrameColumn("sentences", rows.Select(r => r.Sentences)),
            new DoubleDataFrameColumn("mean_compound", rows.Select(r => r.MeanCompound)),
            new DoubleDataFrameColumn("ci_low", rows.Select(r => r.CiLow)),
            new DoubleDataFrameColumn("ci_high", rows.Select(r => r.CiHigh)),
            new DoubleDataFrameColumn("share_positive", rows.Select(r => r.SharePositive)),
            new DoubleDataFrameColumn("share_negative", rows.Select(r => r.ShareNegative)),
            new DoubleDataFrameColumn("share_neutral", rows.Select(r => r.ShareNeutral)),
            new Int32DataFrameColumn("quotes", rows.Select(r => r.Quotes)),
            new DoubleDataFrameColumn("quote_mean_compound", rows.Select(r => r.QuoteMeanCompound)),
            new DoubleDataFrameColumn("quote_ci_low", rows.Select(r => r.QuoteCiLow)),
            new DoubleDataFrameColumn("quote_ci_high", rows.Select(r => r.QuoteCiHigh)));
    }
}
