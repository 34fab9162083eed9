using Humanizer;
using Plotly.NET;

namespace NewsLens;

/// <summary>One sentiment observation (an article's or a sentence's compound score) of a series (an outlet, an actor).</summary>
public sealed record SentimentPoint(string Series, DateOnly? Date, double Score);

public sealed record SentimentChartOptions
{
    /// <summary>Bucket width of <see cref="SentimentCharts.OverTime"/>; null chooses one from the date span.</summary>
    public TimeBucket? Bucket { get; init; }

    /// <summary>Periods in the trailing rolling mean (the period itself and the ones before it).</summary>
    public int Window { get; init; } = 3;

    /// <summary>What one observation is ("article", "sentence"), for titles and hover text.</summary>
    public string Unit { get; init; } = "article";

    /// <summary>What a series is ("outlet", "actor").</summary>
    public string SeriesName { get; init; } = "outlet";

    /// <summary>Series drawn, the ones with most observations first.</summary>
    public int Top { get; init; } = 8;

    /// <summary>Violins (true) or box plots (false) in <see cref="SentimentCharts.Distribution"/>.</summary>
    public bool Violin { get; init; } = true;

    /// <summary>
    /// Fewest observations in a period for its confidence band: below it the mean is drawn as a point labelled with its n
    /// (a t interval from one or two scores spans far more than the whole scale and says nothing).
    /// </summary>
    public int MinBandCount { get; init; } = 3;
}

/// <summary>Sentiment over time and its distribution by outlet or actor.</summary>
public static class SentimentCharts
{
    /// <summary>
    /// Mean score per period for each series (markers), its trailing rolling mean (line) and its 95 % confidence band
    /// (Student's t, where a period has two or more observations): the statistics of <see cref="SentimentTimeSeries"/>,
    /// so the chart shows the numbers of the <c>OverTime</c> table. Undated observations are counted in the subtitle.
    /// </summary>
    public static GenericChart OverTime(IEnumerable<SentimentPoint> points, SentimentChartOptions? options = null)
    {
        options ??= new SentimentChartOptions();
        var list = points.ToList();
        var dated = list.Where(p => p.Date is not null).ToList();
        var bucket = TimeBuckets.Choose(options.Bucket, dated.Select(p => p.Date!.Value));
        var noun = TimeBuckets.Noun(bucket);
        var series = TopSeries(dated, options.Top);
        var shown = series.ToHashSet(StringComparer.Ordinal);
        // All series share the buckets spanning every dated point, as the table's per-outlet series do.
        var buckets = SentimentTimeSeries.Resample(
                dated.Select(p => (p.Date!.Value, (string?)p.Series, p.Score)).ToList(), bucket, new TimeSeriesOptions { Window = options.Window }, grouped: true)
            .Where(b => shown.Contains(b.Group!))
            .ToLookup(b => b.Group!, StringComparer.Ordinal);
        var undated = list.Count - dated.Count;
        if (dated.Count == 0)
            return Figure.Nothing($"Sentiment over time: no dated {options.Unit.Pluralize()}", $"{("undated " + options.Unit).ToQuantity(undated)}",
                $"No {options.Unit} has a published date, so there is no time axis to draw.");
        var figure = new Figure(
            $"Sentiment over time: {options.SeriesName.ToQuantity(series.Count)}",
            $"{options.Unit} compound score by {noun}; line: rolling mean of {noun.ToQuantity(options.Window)}; band: 95 % confidence interval "
                + $"where a {noun} has {options.MinBandCount} or more {options.Unit.Pluralize()} (else the point shows its n)"
                + (undated > 0 ? $"; {("undated " + options.Unit).ToQuantity(undated)} not shown" : ""));
        for (var s = 0; s < series.Count; s++)
        {
            var name = series[s];
            var color = Figure.Color(s);
            var stats = buckets[name].ToList();
            var x = stats.Select(b => Figure.Date(b.Start)).ToArray();
            // The band stays inside the score's range, and only where enough observations make it mean something.
            var banded = stats.Select(b => b.Count >= options.MinBandCount && b.CiLow is not null && b.CiHigh is not null).ToArray();
            figure.Trace("scatter",
                ("mode", "lines"), ("x", x), ("y", stats.Select((b, k) => banded[k] ? Math.Min(1, b.CiHigh!.Value) : (double?)null).ToArray()),
                ("line", new Dictionary<string, object> { ["width"] = 0, ["color"] = color }),
                ("legendgroup", name), ("showlegend", false), ("hoverinfo", "skip"), ("connectgaps", false));
            figure.Trace("scatter",
                ("mode", "lines"), ("x", x), ("y", stats.Select((b, k) => banded[k] ? Math.Max(-1, b.CiLow!.Value) : (double?)null).ToArray()),
                ("fill", "tonexty"), ("fillcolor", Figure.Transparent(color, 0.18)),
                ("line", new Dictionary<string, object> { ["width"] = 0, ["color"] = color }),
                ("legendgroup", name), ("showlegend", false), ("hoverinfo", "skip"), ("connectgaps", false));
            figure.Trace("scatter",
                ("mode", "markers+text"), ("x", x), ("y", stats.Select(b => b.MeanCompound).ToArray()),
                ("text", stats.Select(b => b.MeanCompound is not null && b.Count < options.MinBandCount ? $"n={b.Count}" : "").ToArray()),
                ("textposition", "top center"), ("textfont", new Dictionary<string, object> { ["size"] = 10, ["color"] = color }),
                ("marker", new Dictionary<string, object> { ["color"] = color, ["size"] = 7 }),
                ("legendgroup", name), ("showlegend", false),
                ("customdata", stats.Select(b => Hover(name, TimeBuckets.HumanLabel(b.Start, bucket), b, options.Unit, options.MinBandCount)).ToArray()),
                ("hovertemplate", QuoteCharts.Hover));
            figure.Trace("scatter",
                ("mode", "lines"), ("name", name), ("x", x), ("y", stats.Select(b => b.RollingMean).ToArray()),
                ("line", new Dictionary<string, object> { ["color"] = color, ["width"] = 2.5 }),
                ("legendgroup", name), ("connectgaps", true), ("hoverinfo", "skip"));
        }

        return figure.Axis("xaxis", noun.Transform(To.SentenceCase), type: "date")
            .Axis("yaxis", "Mean compound score (−1 negative … +1 positive)")
            .Set("shapes", new[] { ZeroLine() })
            .Height(460)
            .Build();
    }

    /// <summary>The spread of scores per series as violins (with the box inside) or box plots, the largest series first.</summary>
    public static GenericChart Distribution(IEnumerable<SentimentPoint> points, SentimentChartOptions? options = null)
    {
        options ??= new SentimentChartOptions();
        var list = points.ToList();
        var series = TopSeries(list, options.Top);
        var figure = new Figure(
            $"Sentiment by {options.SeriesName}: {options.SeriesName.ToQuantity(series.Count)}",
            $"{options.Unit} compound scores; {(options.Violin ? "violin with box and mean" : "box: quartiles, whiskers 1.5 IQR, dashed line the mean")}");
        for (var s = 0; s < series.Count; s++)
        {
            var name = series[s];
            var scores = list.Where(p => p.Series == name).Select(p => p.Score).ToArray();
            var label = $"{name} ({options.Unit.ToQuantity(scores.Length)})";
            var color = Figure.Color(s);
            if (options.Violin)
            {
                figure.Trace("violin",
                    ("y", scores), ("name", label), ("box", new Dictionary<string, object> { ["visible"] = true }),
                    ("meanline", new Dictionary<string, object> { ["visible"] = true }),
                    ("points", scores.Length <= 200 ? "all" : "outliers"), ("jitter", 0.3), ("pointpos", 0),
                    ("line", new Dictionary<string, object> { ["color"] = color }), ("showlegend", false));
            }
            else
            {
                figure.Trace("box",
                    ("y", scores), ("name", label), ("boxmean", true), ("boxpoints", scores.Length <= 200 ? "all" : "outliers"),
                    ("jitter", 0.3), ("marker", new Dictionary<string, object> { ["color"] = color }), ("showlegend", false));
            }
        }

        return figure.Axis("xaxis", options.SeriesName.Transform(To.SentenceCase))
            .Axis("yaxis", "Compound score (−1 … +1)")
            .Set("shapes", new[] { ZeroLine() })
            .Height(460)
            .Build();
    }

    private static List<string> TopSeries(IEnumerable<SentimentPoint> points, int top) =>
        points.GroupBy(p => p.Series, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(top).Select(g => g.Key).ToList();

    private static Dictionary<string, object> ZeroLine() => new()
    {
        ["type"] = "line", ["xref"] = "paper", ["x0"] = 0, ["x1"] = 1, ["y0"] = 0, ["y1"] = 0,
        ["line"] = new Dictionary<string, object> { ["color"] = "rgba(0,0,0,0.3)", ["width"] = 1, ["dash"] = "dot" },
    };

    private static string Hover(string series, string period, SentimentBucket bucket, string unit, int minBand) => bucket.MeanCompound is not { } mean
        ? $"{series}, {period}: no {unit.Pluralize()}"
        : $"{series}, {period}: mean {Figure.Number(mean)} from {unit.ToQuantity(bucket.Count)}"
          + (bucket.Count >= minBand && bucket.CiLow is { } low && bucket.CiHigh is { } high
              ? $" (95 % CI {Figure.Number(Math.Max(-1, low))} to {Figure.Number(Math.Min(1, high))})"
              : "");
}

/// <summary>Sentiment observations for <see cref="SentimentCharts"/>, from the library's sentiment results.</summary>
public static class SentimentPoints
{
    /// <summary>One point per scored article: its outlet, date and mean compound (each article counts once).</summary>
    public static IReadOnlyList<SentimentPoint> ByOutlet(SentimentResult sentiment) =>
        sentiment.ByArticle()
            .Where(a => a.MeanCompound is not null)
            .Select(a => new SentimentPoint(a.Outlet ?? CorpusCharts.UnknownOutlet, a.Published, a.MeanCompound!.Value))
            .ToList();

    /// <summary>One point per (actor, sentence mentioning the actor): the sentence's compound and its article's date.</summary>
    public static IReadOnlyList<SentimentPoint> ByActor(SentimentResult sentiment, IEnumerable<Mention> mentions)
    {
        var scores = sentiment.Sentences.ToDictionary(s => (s.Article, s.Sentence), s => s.Score.Compound);
        var dates = sentiment.Articles.ToDictionary(a => a.Id, a => a.Published, StringComparer.Ordinal);
        return mentions
            .DistinctBy(m => (m.Actor, m.ArticleId, m.Sentence))
            .Where(m => scores.ContainsKey((m.ArticleId, m.Sentence)))
            .Select(m => new SentimentPoint(m.Actor, dates.GetValueOrDefault(m.ArticleId), scores[(m.ArticleId, m.Sentence)]))
            .ToList();
    }
}
