#!/usr/bin/env -S dotnet run --file
// Which actors appear together: mentions and co-occurrence edges (sentence and article windows) as CSV, heatmap and network.
// Usage, from the repository root: dotnet run --file scripts/actor-cooccurrence.cs -- <corpus path>... <output folder>
#:project ../src/NewsLens.Interactive/NewsLens.Interactive.csproj
// File-based apps default to native AOT, which turns off reflection-based JSON (used to read the actor catalog).
#:property PublishAot=false
using NewsLens;
using NewsLens.Interactive.Reports;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: dotnet run --file scripts/actor-cooccurrence.cs -- <corpus path>... <output folder>");
    return 1;
}

var output = args[^1];
var corpus = Corpus.Load(args[..^1]);
Exports.WriteCsv(corpus.Mentions().ToDataFrame(), Path.Combine(output, "mentions.csv"));
foreach (var window in new[] { CooccurrenceWindow.Sentence, CooccurrenceWindow.Article })
{
    var name = window.ToString().ToLowerInvariant();
    var table = corpus.Cooccurrence(new CooccurrenceOptions { Window = window });
    Exports.WriteCsv(table.ToDataFrame(), Path.Combine(output, $"cooccurrence-{name}.csv"));
    Exports.WriteChart(ActorCharts.CooccurrenceHeatmap(table, new HeatmapOptions { Measure = PairMeasure.Association }), Path.Combine(output, $"heatmap-{name}.html"));
    Exports.WriteChart(ActorCharts.Network(table), Path.Combine(output, $"network-{name}.html"));
}

Console.WriteLine($"{corpus.Count} articles → {Path.GetFullPath(output)}");
return 0;
