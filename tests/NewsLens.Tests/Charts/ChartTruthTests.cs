using System.Text.Json.Nodes;
using NewsLens.Cli.Commands;
using Plotly.NET;

namespace NewsLens.Tests.Charts;

/// <summary>Charts that do not mislead: bounded bands, no invented axes, whole-number counts, honest subtitles, blank unknowns.</summary>
public sealed class ChartTruthTests
{
    private static JsonNode Figure(GenericChart chart) => JsonNode.Parse(GenericChart.toFigureJson(chart))!;

    private static string Title(JsonNode figure) => figure["layout"]!["title"]!["text"]!.GetValue<string>();

    private static double?[] Numbers(JsonNode? node) => node!.AsArray().Select(v => v?.GetValue<double>()).ToArray();

    [Fact]
    public void SentimentBandsStayInsideTheScaleAndNeedThreeObservations()
    {
        // 2024: two far-apart scores (a t band from n = 2 spans about ±12); 2025: five close to +1 (band would pass +1).
        SentimentPoint[] points =
        [
            new("RT", new DateOnly(2024, 3, 1), -0.9), new("RT", new DateOnly(2024, 6, 1), 0.9),
            .. Enumerable.Range(0, 5).Select(i => new SentimentPoint("RT", new DateOnly(2025, 2, 1 + i), i == 0 ? 0.2 : 0.99)),
        ];
        var figure = Figure(SentimentCharts.OverTime(points, new SentimentChartOptions { Bucket = TimeBucket.Year }));
        var traces = figure["data"]!.AsArray();
        var (high, low, means) = (Numbers(traces[0]!["y"]), Numbers(traces[1]!["y"]), traces[2]!);

        Assert.Equal([null, 1.0], high);                        // no band for n = 2; the upper edge clipped at +1
        Assert.Null(low[0]);
        Assert.InRange(low[1]!.Value, -1, 1);
        Assert.Equal(["n=2", ""], means["text"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains("band: 95 % confidence interval where a year has 3 or more articles", Title(figure));
        Assert.All(traces.SelectMany(t => Numbers(t!["y"])).OfType<double>(), y => Assert.InRange(y, -1, 1));
    }

    [Fact]
    public void AnUndatedCorpusGetsAChartThatSaysSoInsteadOfAnAxis()
    {
        var articles = new[] { Article("a", null), Article("b", null) };
        var charts = new[]
        {
            CorpusCharts.OverTime(articles),
            QuoteCharts.OverTime([new QuotePoint("Putin", "RT", null)]),
            SentimentCharts.OverTime([new SentimentPoint("RT", null, 0.5)]),
        };

        foreach (var figure in charts.Select(Figure))
        {
            Assert.Empty(figure["data"]!.AsArray());
            Assert.False(figure["layout"]!["xaxis"]!["visible"]!.GetValue<bool>());
            Assert.Contains("no dated", Title(figure));
            Assert.Contains("has a published date, so", figure["layout"]!["annotations"]![0]!["text"]!.GetValue<string>());
        }
    }

    [Fact]
    public void CountAxesTickWholeNumbersAndLegendsSitBesideThePlot()
    {
        QuotePoint[] quotes = [new("Macron", "Le Monde", new DateOnly(2017, 3, 2)), new("Putin", "RT", new DateOnly(2017, 4, 2))];
        var articles = new[] { Article("a", new DateOnly(2024, 1, 5)), Article("b", new DateOnly(2024, 2, 5)) };
        var axes = new (JsonNode Figure, string Axis)[]
        {
            (Figure(QuoteCharts.Frequency(quotes)), "xaxis"),
            (Figure(QuoteCharts.OverTime(quotes, bucket: TimeBucket.Month)), "yaxis"),
            (Figure(CorpusCharts.Outlets(articles)), "xaxis"),
            (Figure(CorpusCharts.OverTime(articles, TimeBucket.Month)), "yaxis"),
        };

        foreach (var (figure, axis) in axes)
        {
            Assert.Equal(1, figure["layout"]![axis]!["dtick"]!.GetValue<int>());
            Assert.Equal(",d", figure["layout"]![axis]!["tickformat"]!.GetValue<string>());
            var legend = figure["layout"]!["legend"]!;
            Assert.Equal("v", legend["orientation"]!.GetValue<string>());
            Assert.True(legend["x"]!.GetValue<double>() > 1, "the legend sits right of the plot, clear of both axis titles");
        }
    }

    [Fact]
    public void HeatmapFromATableSaysWhatItIsOrderedBy()
    {
        var corpus = Corpus.Load(TestPaths.Seeds);
        var table = corpus.Cooccurrence(new CooccurrenceOptions { Window = CooccurrenceWindow.Article });
        var figure = Figure(ActorCharts.CooccurrenceHeatmap(table, new HeatmapOptions { Order = HeatmapOrder.Frequency, Top = 8 }));
        var counts = ActorCharts.WindowCounts(table);
        var shown = figure["data"]![0]!["x"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

        Assert.Contains("ordered by articles naming each actor", Title(figure));
        Assert.Equal(shown.Select(a => counts[a]).OrderDescending(), shown.Select(a => counts[a]));
        Assert.StartsWith($"{shown[0]}: in {counts[shown[0]]} articles", figure["data"]![0]!["customdata"]![0]![0]!.GetValue<string>());
    }

    [Fact]
    public void NpmiMatrixLeavesNeverSeenPairsBlankButCountsKeepZero()
    {
        var corpus = Corpus.Load(TestPaths.Seeds);
        var table = corpus.Cooccurrence(new CooccurrenceOptions { Window = CooccurrenceWindow.Sentence });
        var seen = table.Edges.Select(e => (e.A, e.B)).ToHashSet();
        var npmi = table.ToMatrix(AssociationMeasure.Npmi);
        var count = table.ToMatrix(AssociationMeasure.Count);
        var actors = npmi.Columns["actor"].Cast<string>().ToList();

        var blanks = 0;
        for (var i = 0; i < actors.Count; i++)
            for (var j = 0; j < actors.Count; j++)
            {
                if (i == j || seen.Contains((actors[i], actors[j])) || seen.Contains((actors[j], actors[i])))
                    continue;
                Assert.True(double.IsNaN((double)npmi.Columns[actors[j]][i]!), $"{actors[i]} & {actors[j]}");
                Assert.Equal(0.0, (double)count.Columns[actors[j]][i]!);
                blanks++;
            }

        Assert.True(blanks > 0);
        using var csv = new StringWriter();
        NewsLens.Cli.Output.TableOutput.Write(npmi, NewsLens.Cli.Output.OutputFormat.Csv, csv);
        Assert.DoesNotContain("NaN", csv.ToString());
    }

    [Fact]
    public void NpmiRankingsStartAtThreeSharedWindowsByDefault()
    {
        Assert.Equal(3, CooccurrenceCommand.DefaultMinCount(AssociationMeasure.Npmi));
        Assert.Equal(1, CooccurrenceCommand.DefaultMinCount(AssociationMeasure.Count));
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = NewsLens.Cli.Program.BuildRoot().Parse(["cooccurrence", TestPaths.Seeds, "--format", "jsonl"])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = errors });

        var rows = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(0, exit);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(r["count"]!.GetValue<int>() >= 3));
        Assert.True(rows[0]["npmi"]!.GetValue<double>() < 1, "no pair of two actors seen once together tops the ranking");
    }

    /// <summary>One article loaded from a JSON Lines record, with or without a date.</summary>
    private static Article Article(string id, DateOnly? published)
    {
        var folder = Path.Combine(Path.GetTempPath(), "newslens-tests", "chart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var date = published is { } d ? $", \"date\": \"{d:yyyy-MM-dd}\"" : "";
            File.WriteAllText(Path.Combine(folder, "a.jsonl"),
                $"{{\"id\": \"{id}\", \"title\": \"T\", \"source\": \"RT\", \"text\": \"The council met on Tuesday and approved the budget.\"{date}}}\n");
            return Corpus.Load(folder).Single();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
