#!/usr/bin/env -S dotnet run --file
// Which actors appear together: mentions and co-occurrence edges (sentence and article windows) as CSV, heatmap and network.
// Usage, from the repository root: dotnet run --file scripts/actor-cooccurrence.cs -- [--plotly embed|file] <corpus path>... <output folder>
// --plotly file writes plotly.js once, beside the chart pages, instead of inside each (embed, the default).
#:project ../src/NewsLens.Interactive/NewsLens.Interactive.csproj
// File-based apps default to native AOT, which turns off reflection-based JSON (used to read the actor catalog).
#:property PublishAot=false
using NewsLens;
using NewsLens.Interactive.Reports;

if (!Exports.TryPlotlyOption(args, out var plotly, out var rest, out var problem) || rest.Length < 2)
{
    Console.Error.WriteLine(problem ?? "usage: dotnet run --file scripts/actor-cooccurrence.cs -- [--plotly embed|file] <corpus path>... <output folder>");
    return 1;
}

var output = rest[^1];
var corpus = Corpus.Load(rest[..^1]);
Exports.WriteCsv(corpus.Mentions().ToDataFrame(), Path.Combine(output, "mentions.csv"));
foreach (var window in new[] { CooccurrenceWindow.Sentence, CooccurrenceWindow.Article })
{
    var name = window.ToString().ToLowerInvariant();
    var table = corpus.Cooccurrence(new CooccurrenceOptions { Window = window });
    Exports.WriteCsv(table.ToDataFrame(), Path.Combine(output, $"cooccurrence-{name}.csv"));
    Exports.WriteChart(ActorCharts.CooccurrenceHeatmap(table, new HeatmapOptions { Measure = PairMeasure.Association }), Path.Combine(output, $"heatmap-{name}.html"), plotly: plotly);
    Exports.WriteChart(ActorCharts.Network(table), Path.Combine(output, $"network-{name}.html"), plotly: plotly);
}

Console.WriteLine($"{corpus.Count} articles → {Path.GetFullPath(output)}");
return 0;
