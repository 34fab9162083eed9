using System.Text.Json.Nodes;
using Plotly.NET;

namespace NewsLens.Tests.Charts;

public sealed class ChartTests
{
    private static JsonNode Figure(GenericChart chart) => JsonNode.Parse(GenericChart.toFigureJson(chart))!;

    private static string[] Strings(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    private static readonly QuotePoint[] Quotes =
    [
        new("Macron", "Le Monde", new DateOnly(2017, 3, 2)),
        new("Macron", "Le Monde", new DateOnly(2017, 3, 9)),
        new("Macron", "Reuters", new DateOnly(2017, 4, 1)),
        new("Putin", "Reuters", new DateOnly(2017, 3, 20)),
        new("Putin", "Reuters", null),
        new("Lavrov", null, new DateOnly(2017, 5, 5)),
    ];

    [Fact]
    public void QuoteFrequencyRanksSpeakersAndSplitsByOutletWithHumanHoverText()
    {
        var figure = Figure(QuoteCharts.Frequency(Quotes, new QuoteFrequencyOptions { Top = 2 }));

        var traces = figure["data"]!.AsArray();
        Assert.Equal(["Reuters", "Le Monde"], traces.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal(["Macron", "Putin"], Strings(traces[0]!["y"]));
        Assert.Equal([1, 2], traces[0]!["x"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Equal("Macron: 2 quotes in Le Monde", Strings(traces[1]!["customdata"])[0]);
        Assert.Equal("stack", figure["layout"]!["barmode"]!.GetValue<string>());
        Assert.Contains("top 2 of 3 speakers", figure["layout"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void QuotesOverTimeBucketsByMonthAndNotesUndated()
    {
        var figure = Figure(QuoteCharts.OverTime(Quotes, top: 2, TimeBucket.Month));

        var macron = figure["data"]![0]!;
        Assert.Equal(["2017-03-01", "2017-04-01", "2017-05-01"], Strings(macron["x"]));
        Assert.Equal([2, 1, 0], macron["y"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Equal("Macron: 2 quotes in March 2017", Strings(macron["customdata"])[0]);
        Assert.Contains("1 undated quote not shown", figure["layout"]!["title"]!["text"]!.GetValue<string>());
    }

    private static readonly Dictionary<string, int> Mentions = new() { ["A"] = 10, ["B"] = 8, ["C"] = 6, ["D"] = 4 };

    // A–C and B–D go together; across the groups they avoid each other.
    private static readonly ActorPair[] Pairs = [new("A", "C", 5, 0.8), new("B", "D", 4, 0.7), new("A", "B", 1, -0.5), new("C", "D", 1, -0.4)];

    [Theory]
    [InlineData(HeatmapOrder.Frequency, new[] { "A", "B", "C", "D" })]
    [InlineData(HeatmapOrder.Clustering, new[] { "A", "C", "B", "D" })]
    public void HeatmapOrdersActors(HeatmapOrder order, string[] expected)
    {
        var trace = Figure(ActorCharts.CooccurrenceHeatmap(Mentions, Pairs, new HeatmapOptions { Order = order }))["data"]![0]!;

        Assert.Equal(expected, Strings(trace["x"]));
        Assert.Null(trace["z"]![0]![0]);
        var index = Array.IndexOf(expected, "C");
        Assert.Equal(5, trace["z"]![Array.IndexOf(expected, "A")]![index]!.GetValue<double>());
        Assert.Equal("A & C: together in 5 sentences, association 0.8", trace["customdata"]![Array.IndexOf(expected, "A")]![index]!.GetValue<string>());
    }

    [Fact]
    public void NetworkSizesNodesByMentionsAndPlacesLinkedActorsCloser()
    {
        var chart = ActorCharts.Network(Mentions, Pairs, new NetworkOptions { MinCount = 2 });
        var figure = Figure(chart);
        var nodes = figure["data"]!.AsArray().Last()!;
        var sizes = nodes["marker"]!["size"]!.AsArray().Select(s => s!.GetValue<double>()).ToArray();
        var x = nodes["x"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        var y = nodes["y"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        double Distance(int i, int j) => Math.Sqrt(Math.Pow(x[i] - x[j], 2) + Math.Pow(y[i] - y[j], 2));

        Assert.Equal(sizes.OrderDescending(), sizes);
        Assert.Equal("A: 10 mentions, linked to 1 actor", Strings(nodes["customdata"])[0]);
        Assert.True(Distance(0, 2) < Distance(0, 1), $"A–C {Distance(0, 2):0.00} should be shorter than A–B {Distance(0, 1):0.00}");
        Assert.Equal(GenericChart.toFigureJson(chart), GenericChart.toFigureJson(ActorCharts.Network(Mentions, Pairs, new NetworkOptions { MinCount = 2 })));
    }

    [Fact]
    public void SentimentOverTimeHasMeanBandAndRollingMeanAndNotesUndated()
    {
        SentimentPoint[] points =
        [
            new("Le Monde", new DateOnly(2020, 1, 5), 0.2),
            new("Le Monde", new DateOnly(2020, 1, 20), 0.4),
            new("Le Monde", new DateOnly(2020, 3, 1), -0.3),
            new("Le Monde", null, 0.9),
        ];
        // A band from two articles is allowed here (MinBandCount 2) to check its statistics; it is still clipped to +1.
        var figure = Figure(SentimentCharts.OverTime(points, new SentimentChartOptions { Bucket = TimeBucket.Month, Window = 2, MinBandCount = 2 }));
        var data = figure["data"]!.AsArray();
        double? At(int trace, int i) => data[trace]!["y"]![i]?.GetValue<double>();

        Assert.Equal(0.3, At(2, 0)!.Value, 4);
        var half = 12.706205 * Math.Sqrt(0.02 / 2); // Student's t with 1 degree of freedom, not 1.96
        Assert.Equal(1.0, At(0, 0)!.Value, 4);       // 0.3 + half = 1.571, beyond the scale
        Assert.Equal(0.3 - half, At(1, 0)!.Value, 4);
        Assert.Null(At(2, 1));
        Assert.Equal(0.3, At(3, 1)!.Value, 4);
        Assert.Equal(-0.3, At(3, 2)!.Value, 4);
        Assert.Equal("Le Monde, January 2020: mean 0.3 from 2 articles (95 % CI -0.971 to 1)", Strings(data[2]!["customdata"])[0]);
        Assert.Contains("1 undated article not shown", figure["layout"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void SentimentOverTimeChartShowsTheSeriesStatistics()
    {
        Article[] articles =
        [
            Article.FromText("A wonderful, excellent result.", "a1", published: new DateOnly(2021, 5, 3), outlet: "Daily"),
            Article.FromText("A terrible, awful failure.", "a2", published: new DateOnly(2021, 5, 20), outlet: "Daily"),
            Article.FromText("Good news, mostly.", "a3", published: new DateOnly(2021, 5, 28), outlet: "Daily"),
            Article.FromText("Sad and bad.", "a4", published: new DateOnly(2021, 7, 2), outlet: "Daily"),
            Article.FromText("A nice and happy day.", "a5", published: new DateOnly(2021, 7, 9), outlet: "Daily"),
            Article.FromText("Fine.", "a6", published: new DateOnly(2021, 5, 4), outlet: "Weekly"),
        ];
        var sentiment = articles.Sentiment();
        var options = new TimeSeriesOptions { ByOutlet = true, Window = 2 };
        var table = sentiment.OverTime(TimeBucket.Month, options).Buckets.Where(b => b.Group == "Daily").ToList();
        var data = Figure(SentimentCharts.OverTime(SentimentPoints.ByOutlet(sentiment), new SentimentChartOptions { Bucket = TimeBucket.Month, Window = 2 }))["data"]!.AsArray();
        double?[] Y(int trace) => data[trace]!["y"]!.AsArray().Select(n => n?.GetValue<double>()).ToArray();
        string[] X(int trace) => Strings(data[trace]!["x"]);

        // Daily is the larger series, so its four traces come first: band high, band low, means, rolling mean.
        Assert.Equal(["2021-05-01", "2021-06-01", "2021-07-01"], X(0));
        Assert.Equal(table.Select(b => b.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), X(2));
        Assert.NotNull(table[0].CiLow);
        // Bands only where a month has 3 or more articles (May here), inside −1…+1.
        Assert.Equal(table.Select(b => b.Count >= 3 ? Math.Min(1, b.CiHigh!.Value) : (double?)null), Y(0));
        Assert.Equal(table.Select(b => b.Count >= 3 ? Math.Max(-1, b.CiLow!.Value) : (double?)null), Y(1));
        Assert.Equal(table.Select(b => b.MeanCompound), Y(2));
        Assert.Equal(table.Select(b => b.RollingMean), Y(3));
    }

    [Theory]
    [InlineData(true, "violin")]
    [InlineData(false, "box")]
    public void SentimentDistributionDrawsOneTracePerSeries(bool violin, string type)
    {
        SentimentPoint[] points = [new("A", null, 0.1), new("A", null, 0.3), new("B", null, -0.2)];
        var data = Figure(SentimentCharts.Distribution(points, new SentimentChartOptions { Violin = violin }))["data"]!.AsArray();

        Assert.Equal([type, type], data.Select(t => t!["type"]!.GetValue<string>()));
        Assert.Equal(["A (2 articles)", "B (1 article)"], data.Select(t => t!["name"]!.GetValue<string>()));
    }
}
