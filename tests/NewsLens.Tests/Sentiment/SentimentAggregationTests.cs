using Microsoft.Data.Analysis;

namespace NewsLens.Tests.Sentiment;

/// <summary>Roll-ups on a small invented corpus whose results are computed by hand.</summary>
/// <remarks>
/// Sentence compounds (VADER): "Good." 0.4404, "Bad." -0.5423, "Great." 0.6249, "It rained." 0.
/// Article means: A = (0.4404 - 0.5423 + 0) / 3 = -0.0339667 (neutral), B = (0.6249 + 0.4404) / 2 = 0.53265,
/// C = -0.5423, D = 0.4404 (undated); E has no text, hence no score.
/// </remarks>
public sealed class SentimentAggregationTests
{
    private const double MeanA = (0.4404 - 0.5423 + 0) / 3;
    private const double MeanB = (0.6249 + 0.4404) / 2;
    private const double T1 = 12.706205; // t(0.975) with one degree of freedom

    private static readonly Article[] Corpus =
    [
        Article.FromText("Good. Bad. It rained.", "a", published: new DateOnly(2024, 1, 10), outlet: "Herald"),
        Article.FromText("Great. Good.", "b", published: new DateOnly(2024, 1, 20), outlet: "Herald"),
        Article.FromText("Bad.", "c", published: new DateOnly(2024, 3, 5), outlet: "Courier"),
        Article.FromText("Good.", "d", outlet: "Courier"),
        Article.FromText("", "e", published: new DateOnly(2024, 1, 15)),
    ];

    [Theory]
    [InlineData("Good.", 0.4404)]
    [InlineData("Bad.", -0.5423)]
    [InlineData("Great.", 0.6249)]
    [InlineData("It rained.", 0.0)]
    public void FixtureSentencesHaveTheirKnownCompounds(string sentence, double compound) =>
        Assert.Equal(compound, Vader.Default.Score(sentence).Compound);

    [Fact]
    public void SentenceTableHasOneRowPerSentenceWithOffsets()
    {
        var frame = Corpus.Sentiment().ToDataFrame();

        Assert.Equal(["article", "file", "sentence", "start", "end", "neg", "neu", "pos", "compound"], frame.Columns.Select(c => c.Name));
        Assert.Equal(7, frame.Rows.Count);
        Assert.Equal(["a", "a", "a", "b", "b", "c", "d"], frame["article"].Cast<string>());
        Assert.Equal([0, 6, 11], frame["start"].Cast<int>().Take(3));
        Assert.Equal([5, 10, 21], frame["end"].Cast<int>().Take(3));
        Assert.Equal([0.4404, -0.5423, 0.0], frame["compound"].Cast<double>().Take(3));
        Assert.Equal([0.0, 1.0, 0.0], frame["neg"].Cast<double>().Take(3));
    }

    [Fact]
    public void ArticlesGetMeanCompoundAndLabelShares()
    {
        var articles = Corpus.Sentiment().ByArticle();

        var a = articles[0];
        Assert.Equal(3, a.Sentences);
        Assert.Equal(MeanA, a.MeanCompound!.Value, 12);
        Assert.Equal((1 / 3.0, 1 / 3.0, 1 / 3.0), (a.SharePositive!.Value, a.ShareNegative!.Value, a.ShareNeutral!.Value));
        Assert.Equal(MeanB, articles[1].MeanCompound!.Value, 12);
        Assert.Equal(1.0, articles[1].SharePositive);
        Assert.Equal(0, articles[4].Sentences);
        Assert.Null(articles[4].MeanCompound);
    }

    [Fact]
    public void ArticleTableKeepsMetadataAndNullsForUnscoredArticles()
    {
        var frame = Corpus.Sentiment().ByArticle().ToDataFrame();

        Assert.Equal(5, frame.Rows.Count);
        Assert.Equal(new DateTime(2024, 1, 10), frame["published"][0]);
        Assert.Null(frame["published"][3]);
        Assert.Equal("Courier", frame["outlet"][2]);
        Assert.Null(frame["mean_compound"][4]);
    }

    [Fact]
    public void OutletsAverageTheirArticlesWithConfidenceIntervals()
    {
        var outlets = Corpus.Sentiment().ByOutlet();

        // Equal article counts: by name. "e" has no outlet, but no score either.
        Assert.Equal(["Courier", "Herald"], outlets.Select(o => o.Outlet));
        var herald = outlets[1];
        Assert.Equal((2, 5), (herald.Articles, herald.Sentences));
        Assert.Equal((MeanA + MeanB) / 2, herald.MeanCompound, 12);
        var margin = T1 * Math.Abs(MeanB - MeanA) / 2; // s / √2 with s = |x1 − x2| / √2
        Assert.Equal((MeanA + MeanB) / 2 - margin, herald.CiLow!.Value, 9);
        Assert.Equal((MeanA + MeanB) / 2 + margin, herald.CiHigh!.Value, 9);
        Assert.Equal((0.5, 0.0, 0.5), (herald.SharePositive, herald.ShareNegative, herald.ShareNeutral)); // A is neutral
        Assert.Equal((-0.5423 + 0.4404) / 2, outlets[0].MeanCompound, 12);
    }

    [Fact]
    public void MonthlySeriesHasGapsCountsCiAndRollingMeanAndCountsUndated()
    {
        var series = Corpus.Sentiment().OverTime(TimeBucket.Month);

        Assert.Equal(["2024-01", "2024-02", "2024-03"], series.Buckets.Select(b => b.Period));
        Assert.Equal([2, 0, 1], series.Buckets.Select(b => b.Count)); // "e" is dated but has nothing to score
        var january = series.Buckets[0];
        Assert.Equal((MeanA + MeanB) / 2, january.MeanCompound!.Value, 12);
        var margin = T1 * Math.Abs(MeanB - MeanA) / 2;
        Assert.Equal((MeanA + MeanB) / 2 - margin, january.CiLow!.Value, 9);
        Assert.Null(series.Buckets[1].MeanCompound);
        Assert.Equal((MeanA + MeanB) / 2, series.Buckets[1].RollingMean!.Value, 12); // pooled over Jan + Feb
        Assert.Null(series.Buckets[2].CiLow); // one article: no interval
        Assert.Equal((MeanA + MeanB - 0.5423) / 3, series.Buckets[2].RollingMean!.Value, 12);
        Assert.Equal(1, series.UndatedArticles);
        Assert.Equal(1, series.UndatedSentences);
    }

    [Fact]
    public void SentenceUnitAndOutletSeriesShareTheBuckets()
    {
        var series = Corpus.Sentiment().OverTime(TimeBucket.Quarter, new TimeSeriesOptions { Unit = SentimentUnit.Sentence, ByOutlet = true, Window = 1 });

        Assert.Equal([("Courier", "2024-Q1", 1), ("Herald", "2024-Q1", 5)], series.Buckets.Select(b => (b.Group, b.Period, b.Count)));
        Assert.Equal("outlet", series.GroupedBy);
        Assert.Equal((0.4404 - 0.5423 + 0 + 0.6249 + 0.4404) / 5, series.Buckets[1].MeanCompound!.Value, 12);
        var frame = series.ToDataFrame();
        Assert.Equal(["outlet", "period", "start", "count", "mean_compound", "ci_low", "ci_high", "rolling_mean"], frame.Columns.Select(c => c.Name));
    }

    [Fact]
    public void WeeklySeriesUsesIsoWeeks()
    {
        var series = Corpus.Sentiment().OverTime(TimeBucket.Week);

        Assert.Equal("2024-W02", series.Buckets[0].Period);
        Assert.Equal(new DateOnly(2024, 1, 8), series.Buckets[0].Start);
        Assert.Equal("2024-W03", series.Buckets[1].Period);
        Assert.Equal("2024-W10", series.Buckets[^1].Period);
        Assert.Equal(9, series.Buckets.Count);
    }

    [Theory]
    [InlineData("2024-02-29", TimeBucket.Day, "2024-02-29", "2024-02-29", "29 February 2024")]
    [InlineData("2024-02-29", TimeBucket.Week, "2024-02-26", "2024-W09", "week of 26 February 2024")]
    [InlineData("2024-12-31", TimeBucket.Week, "2024-12-30", "2025-W01", "week of 30 December 2024")]
    [InlineData("2024-02-29", TimeBucket.Month, "2024-02-01", "2024-02", "February 2024")]
    [InlineData("2024-08-15", TimeBucket.Quarter, "2024-07-01", "2024-Q3", "Q3 2024")]
    [InlineData("2024-08-15", TimeBucket.Year, "2024-01-01", "2024", "2024")]
    public void BucketsStartAndAreLabelled(string date, TimeBucket bucket, string start, string label, string humanLabel)
    {
        var bucketStart = TimeBuckets.Start(DateOnly.Parse(date), bucket);

        Assert.Equal(DateOnly.Parse(start), bucketStart);
        Assert.Equal(label, TimeBuckets.Label(bucketStart, bucket));
        Assert.Equal(humanLabel, TimeBuckets.HumanLabel(bucketStart, bucket));
        Assert.Equal(bucketStart, TimeBuckets.Start(TimeBuckets.Next(bucketStart, bucket).AddDays(-1), bucket));
    }

    [Fact]
    public void UndatedCorpusGivesAnEmptySeries()
    {
        var series = new[] { Article.FromText("Good.", "x") }.Sentiment().OverTime(TimeBucket.Year);

        Assert.Empty(series.Buckets);
        Assert.Equal(1, series.UndatedArticles);
        Assert.Equal(0, series.ToDataFrame().Rows.Count);
    }

    [Theory]
    [InlineData(1, 12.706205)]
    [InlineData(10, 2.228139)]
    [InlineData(30, 2.042272)]
    [InlineData(40, 2.021075)]
    [InlineData(1000, 1.962339)]
    public void StudentTCriticalValues(int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, SentimentStatistics.StudentTCritical(degreesOfFreedom), 5);
}
