using Humanizer;
using Plotly.NET;

namespace NewsLens;

/// <summary>One attributed quotation, reduced to what quote charts need.</summary>
public sealed record QuotePoint(string Speaker, string? Outlet, DateOnly? Published);

/// <summary>Options of <see cref="QuoteCharts.Frequency"/>.</summary>
public sealed record QuoteFrequencyOptions
{
    /// <summary>Speakers shown, the most quoted first.</summary>
    public int Top { get; init; } = 15;

    /// <summary>Stack each speaker's bar by outlet (true) or put the outlets' bars side by side (false).</summary>
    public bool Stacked { get; init; } = true;
}

/// <summary>Who is quoted and when: bar and line charts over attributed quotations.</summary>
public static partial class QuoteCharts
{
    private const string UnknownOutlet = "unknown outlet";

    /// <summary>Hover text is prepared in C# (customdata), so names never pass through plotly's template syntax.</summary>
    internal const string Hover = "%{customdata}<extra></extra>";

    /// <summary>Horizontal bars of the most quoted speakers, split by outlet; hover gives "12 quotes in Outlet".</summary>
    public static GenericChart Frequency(IEnumerable<QuotePoint> quotes, QuoteFrequencyOptions? options = null)
    {
        options ??= new QuoteFrequencyOptions();
        var list = quotes.ToList();
        var speakers = list.GroupBy(q => q.Speaker, StringComparer.Ordinal)
            .Select(g => (Speaker: g.Key, Count: g.Count()))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Speaker, StringComparer.Ordinal)
            .Take(options.Top)
            .ToList();
        var names = speakers.Select(s => s.Speaker).ToList();
        var outlets = list.Where(q => names.Contains(q.Speaker))
            .GroupBy(q => q.Outlet ?? UnknownOutlet, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();

        var figure = new Figure(
            $"Most quoted speakers: top {Math.Min(options.Top, speakers.Count)} of {"speaker".ToQuantity(list.Select(q => q.Speaker).Distinct().Count())}",
            $"{"quote".ToQuantity(list.Count)} attributed to a speaker, in {"outlet".ToQuantity(outlets.Count)}");
        for (var i = 0; i < outlets.Count; i++)
        {
            var outlet = outlets[i];
            var counts = names.Select(n => list.Count(q => q.Speaker == n && (q.Outlet ?? UnknownOutlet) == outlet)).ToArray();
            figure.Trace("bar",
                ("orientation", "h"),
                ("name", outlet),
                ("y", names),
                ("x", counts),
                ("marker", new Dictionary<string, object> { ["color"] = Figure.Color(i) }),
                ("customdata", names.Select((n, k) => $"{n}: {"quote".ToQuantity(counts[k])} in {outlet}").ToArray()),
                ("hovertemplate", Hover));
        }

        var longest = options.Stacked ? speakers.Select(s => s.Count).DefaultIfEmpty(0).Max()
            : speakers.SelectMany(s => outlets.Select(o => list.Count(q => q.Speaker == s.Speaker && (q.Outlet ?? UnknownOutlet) == o))).DefaultIfEmpty(0).Max();
        return figure
            .Set("barmode", options.Stacked ? "stack" : "group")
            .CountAxis("xaxis", "Quotes", longest)
            .Axis("yaxis", "Speaker", reversed: true)
            .Height(Math.Max(320, 90 + 28 * names.Count * (options.Stacked ? 1 : Math.Max(1, Math.Min(outlets.Count, 3)))))
            .Build();
    }

    /// <summary>Quotes per period (<paramref name="bucket"/>; null chooses one from the date span) for the most quoted speakers (one line each); undated quotes are counted in the subtitle.</summary>
    public static GenericChart OverTime(IEnumerable<QuotePoint> quotes, int top = 5, TimeBucket? bucket = null)
    {
        var list = quotes.ToList();
        var dated = list.Where(q => q.Published is not null).ToList();
        var resolved = TimeBuckets.Choose(bucket, dated.Select(q => q.Published!.Value));
        var buckets = TimeBuckets.Range(dated.Select(q => q.Published!.Value), resolved);
        var speakers = dated.GroupBy(q => q.Speaker, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(g => g.Key)
            .ToList();
        var undated = list.Count - dated.Count;
        if (dated.Count == 0)
            return Figure.Nothing("Quotes over time: no dated quotes", $"{"quote".ToQuantity(undated)}, none from a dated article",
                "No article has a published date, so quotes cannot be placed in time.");
        var subtitle = $"{"quote".ToQuantity(dated.Count)} by {TimeBuckets.Noun(resolved)}"
            + (undated > 0 ? $"; {"undated quote".ToQuantity(undated)} not shown" : "");
        var figure = new Figure($"Quotes over time: the {"most quoted speaker".ToQuantity(speakers.Count, ShowQuantityAs.None)}", subtitle);
        var highest = 0;
        for (var i = 0; i < speakers.Count; i++)
        {
            var speaker = speakers[i];
            var counts = buckets.Select(b => dated.Count(q => q.Speaker == speaker && TimeBuckets.Start(q.Published!.Value, resolved) == b)).ToArray();
            highest = Math.Max(highest, counts.DefaultIfEmpty(0).Max());
            figure.Trace("scatter",
                ("mode", "lines+markers"),
                ("name", speaker),
                ("x", buckets.Select(Figure.Date).ToArray()),
                ("y", counts),
                ("line", new Dictionary<string, object> { ["color"] = Figure.Color(i), ["shape"] = "linear" }),
                ("customdata", buckets.Select((b, k) => $"{speaker}: {"quote".ToQuantity(counts[k])} in {TimeBuckets.HumanLabel(b, resolved)}").ToArray()),
                ("hovertemplate", Hover));
        }

        return figure.Axis("xaxis", TimeBuckets.Noun(resolved).Transform(To.SentenceCase), type: "date").CountAxis("yaxis", "Quotes", highest).Height(420).Build();
    }
}
