using Microsoft.Data.Analysis;

namespace NewsLens;

/// <summary>What one observation of a time series is.</summary>
public enum SentimentUnit
{
    /// <summary>An article's mean compound (each article counts once).</summary>
    Article,

    /// <summary>A sentence's compound (long articles weigh more).</summary>
    Sentence,
}

/// <summary>How <see cref="SentimentResult.OverTime"/> builds its series.</summary>
public sealed record TimeSeriesOptions
{
    public SentimentUnit Unit { get; init; } = SentimentUnit.Article;

    /// <summary>One series per outlet (all on the same buckets) instead of one for the corpus.</summary>
    public bool ByOutlet { get; init; }

    /// <summary>Buckets in the trailing rolling mean (the bucket itself and the ones before it).</summary>
    public int Window { get; init; } = 3;
}

/// <summary>One bucket of a sentiment time series.</summary>
/// <param name="Group">The series this bucket belongs to (an outlet or actor, see <see cref="SentimentTimeSeries.GroupedBy"/>); null in a corpus-wide series and for articles without outlet.</param>
/// <param name="Start">First day of the bucket.</param>
/// <param name="Period">Label: "2024-03-05", "2024-W10", "2024-03", "2024-Q1" or "2024".</param>
/// <param name="Count">Observations (articles or sentences) in the bucket; 0 for a gap, whose statistics are null.</param>
/// <param name="RollingMean">Mean of all observations in this and the preceding buckets of the window (pooled, so gaps do not break it).</param>
public sealed record SentimentBucket(
    string? Group,
    DateOnly Start,
    string Period,
    int Count,
    double? MeanCompound,
    double? CiLow,
    double? CiHigh,
    double? RollingMean);

/// <summary>Sentiment resampled on the articles' published dates; undated articles are counted, never placed on a guessed date.</summary>
public sealed class SentimentTimeSeries
{
    internal SentimentTimeSeries(
        TimeBucket bucket, TimeSeriesOptions options, string? groupedBy, IReadOnlyList<SentimentBucket> buckets, int undatedArticles, int undatedSentences)
    {
        Bucket = bucket;
        GroupedBy = groupedBy;
        Options = options;
        Buckets = buckets;
        UndatedArticles = undatedArticles;
        UndatedSentences = undatedSentences;
    }

    public TimeBucket Bucket { get; }

    public TimeSeriesOptions Options { get; }

    /// <summary>"outlet" or "actor" when there is one series per group (the DataFrame's first column); null for one corpus-wide series.</summary>
    public string? GroupedBy { get; }

    /// <summary>Contiguous buckets from the earliest to the latest dated observation, gaps included; per outlet when asked.</summary>
    public IReadOnlyList<SentimentBucket> Buckets { get; }

    /// <summary>Articles without a published date, left out of the series.</summary>
    public int UndatedArticles { get; }

    /// <summary>Sentences of those articles.</summary>
    public int UndatedSentences { get; }

    /// <summary>Columns: [outlet|actor,] period, start, count, mean_compound, ci_low, ci_high, rolling_mean.</summary>
    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn>();
        if (GroupedBy is not null)
            columns.Add(new StringDataFrameColumn(GroupedBy, Buckets.Select(b => b.Group)));
        columns.Add(new StringDataFrameColumn("period", Buckets.Select(b => b.Period)));
        columns.Add(new DateTimeDataFrameColumn("start", Buckets.Select(b => (DateTime?)b.Start.ToDateTime(TimeOnly.MinValue))));
        columns.Add(new Int32DataFrameColumn("count", Buckets.Select(b => b.Count)));
        columns.Add(new DoubleDataFrameColumn("mean_compound", Buckets.Select(b => b.MeanCompound)));
        columns.Add(new DoubleDataFrameColumn("ci_low", Buckets.Select(b => b.CiLow)));
        columns.Add(new DoubleDataFrameColumn("ci_high", Buckets.Select(b => b.CiHigh)));
        columns.Add(new DoubleDataFrameColumn("rolling_mean", Buckets.Select(b => b.RollingMean)));
        return new DataFrame(columns);
    }

    /// <summary>Builds the series from dated observations (date, group, compound); one series per group when <paramref name="grouped"/>.</summary>
    internal static IReadOnlyList<SentimentBucket> Resample(
        IReadOnlyList<(DateOnly Date, string? Group, double Compound)> observations,
        TimeBucket bucket,
        TimeSeriesOptions options,
        bool grouped)
    {
        if (options.Window < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "the rolling window must span at least one bucket");
        if (observations.Count == 0)
            return [];
        var starts = TimeBuckets.Range(observations.Select(o => o.Date), bucket);

        var series = grouped
            ? observations.GroupBy(o => o.Group).OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Group: g.Key, Items: g.ToList()))
            : [(Group: (string?)null, Items: observations.ToList())];

        var buckets = new List<SentimentBucket>();
        foreach (var (group, items) in series)
        {
            var values = starts.ToDictionary(s => s, _ => new List<double>());
            foreach (var item in items)
                values[TimeBuckets.Start(item.Date, bucket)].Add(item.Compound);
            for (var b = 0; b < starts.Count; b++)
            {
                var inBucket = values[starts[b]];
                var statistics = SentimentStatistics.Of(inBucket.ToArray());
                var window = Enumerable.Range(Math.Max(0, b - options.Window + 1), Math.Min(options.Window, b + 1))
                    .SelectMany(w => values[starts[w]]).ToList();
                buckets.Add(new SentimentBucket(
                    group,
                    starts[b],
                    TimeBuckets.Label(starts[b], bucket),
                    inBucket.Count,
                    statistics.Mean,
                    statistics.CiLow,
                    statistics.CiHigh,
                    window.Count == 0 ? null : window.Sum() / window.Count));
            }
        }

        return buckets;
    }
}
