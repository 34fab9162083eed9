using Humanizer;
using Plotly.NET;

namespace NewsLens;

/// <summary>What a corpus holds: articles per outlet and over time.</summary>
public static class CorpusCharts
{
    internal const string UnknownOutlet = "unknown outlet";

    /// <summary>Articles per outlet (horizontal bars, most first); hover gives articles and words.</summary>
    public static GenericChart Outlets(IEnumerable<Article> articles, int top = 25)
    {
        var list = articles.ToList();
        var outlets = list.GroupBy(a => a.Outlet ?? UnknownOutlet, StringComparer.Ordinal)
            .Select(g => (Outlet: g.Key, Articles: g.Count(), Words: g.Sum(a => (long)a.Words)))
            .OrderByDescending(o => o.Articles).ThenBy(o => o.Outlet, StringComparer.Ordinal)
            .ToList();
        var shown = outlets.Take(top).ToList();
        return new Figure($"Articles by outlet: {"outlet".ToQuantity(outlets.Count)}",
                $"{"article".ToQuantity(list.Count)}, {"word".ToQuantity(list.Sum(a => (long)a.Words), "N0")}" + (outlets.Count > top ? $"; top {top} shown" : ""))
            .Trace("bar",
                ("orientation", "h"),
                ("y", shown.Select(o => o.Outlet).ToArray()),
                ("x", shown.Select(o => o.Articles).ToArray()),
                ("marker", new Dictionary<string, object> { ["color"] = Figure.Color(0) }),
                ("customdata", shown.Select(o => $"{o.Outlet}: {"article".ToQuantity(o.Articles)}, {"word".ToQuantity(o.Words, "N0")}").ToArray()),
                ("hovertemplate", QuoteCharts.Hover))
            .CountAxis("xaxis", "Articles", shown.Select(o => o.Articles).DefaultIfEmpty(0).Max())
            .Axis("yaxis", "Outlet", reversed: true)
            .Height(Math.Max(300, 120 + 26 * shown.Count))
            .Build();
    }

    /// <summary>Articles per period (<paramref name="bucket"/>; null chooses one from the date span), stacked by outlet; undated articles are counted in the subtitle.</summary>
    public static GenericChart OverTime(IEnumerable<Article> articles, TimeBucket? bucket = null, int topOutlets = 8)
    {
        var list = articles.ToList();
        var dated = list.Where(a => a.Published is not null).ToList();
        var resolved = TimeBuckets.Choose(bucket, dated.Select(a => a.Published!.Value));
        var buckets = TimeBuckets.Range(dated.Select(a => a.Published!.Value), resolved);
        var outlets = dated.GroupBy(a => a.Outlet ?? UnknownOutlet, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        var named = outlets.Take(topOutlets).ToHashSet(StringComparer.Ordinal);
        string Group(Article a) => a.Outlet is { } o && named.Contains(o) ? o : a.Outlet is null && named.Contains(UnknownOutlet) ? UnknownOutlet : "other outlets";
        var groups = outlets.Take(topOutlets).Concat(outlets.Count > topOutlets ? ["other outlets"] : []).ToList();
        var undated = list.Count - dated.Count;
        if (dated.Count == 0)
            return Figure.Nothing("Articles over time: no dated articles", $"{"article".ToQuantity(undated)}, none with a published date",
                "No article has a published date, so there is no time axis to draw.");
        var figure = new Figure($"Articles over time: {"article".ToQuantity(dated.Count)} by {TimeBuckets.Noun(resolved)}",
            undated > 0 ? $"{"undated article".ToQuantity(undated)} not shown" : "every article is dated");
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var counts = buckets.Select(b => dated.Count(a => Group(a) == group && TimeBuckets.Start(a.Published!.Value, resolved) == b)).ToArray();
            figure.Trace("bar",
                ("name", group),
                ("x", buckets.Select(Figure.Date).ToArray()),
                ("y", counts),
                ("marker", new Dictionary<string, object> { ["color"] = Figure.Color(i) }),
                ("customdata", buckets.Select((b, k) => $"{group}: {"article".ToQuantity(counts[k])} in {TimeBuckets.HumanLabel(b, resolved)}").ToArray()),
                ("hovertemplate", QuoteCharts.Hover));
        }

        var tallest = buckets.Select(b => dated.Count(a => TimeBuckets.Start(a.Published!.Value, resolved) == b)).DefaultIfEmpty(0).Max();
        return figure.Set("barmode", "stack")
            .Axis("xaxis", TimeBuckets.Noun(resolved).Transform(To.SentenceCase), type: "date")
            .CountAxis("yaxis", "Articles", tallest)
            .Height(400)
            .Build();
    }
}
