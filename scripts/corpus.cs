#!/usr/bin/env -S dotnet run --file
// The corpus: articles table, diagnostics, and charts of articles by outlet and over time.
// Usage, from the repository root: dotnet run --file scripts/corpus.cs -- [--plotly embed|file] <corpus path>... <output folder>
// --plotly file writes plotly.js once, beside the chart pages, instead of inside each (embed, the default).
#:project ../src/NewsLens.Interactive/NewsLens.Interactive.csproj
// File-based apps default to native AOT, which turns off reflection-based JSON (used to read the actor catalog).
#:property PublishAot=false
using NewsLens;
using NewsLens.Interactive.Reports;

if (!Exports.TryPlotlyOption(args, out var plotly, out var rest, out var problem) || rest.Length < 2)
{
    Console.Error.WriteLine(problem ?? "usage: dotnet run --file scripts/corpus.cs -- [--plotly embed|file] <corpus path>... <output folder>");
    return 1;
}

var output = rest[^1];
var corpus = Corpus.Load(rest[..^1]);
Exports.WriteCsv(corpus.ToDataFrame(), Path.Combine(output, "articles.csv"));
File.WriteAllLines(Path.Combine(output, "diagnostics.txt"), corpus.Diagnostics.Select(d => d.ToString()));
Exports.WriteChart(CorpusCharts.Outlets(corpus), Path.Combine(output, "articles-by-outlet.html"), plotly: plotly);
Exports.WriteChart(CorpusCharts.OverTime(corpus), Path.Combine(output, "articles-over-time.html"), plotly: plotly);
Console.WriteLine($"{corpus.Count} articles, {corpus.Diagnostics.Count} diagnostics → {Path.GetFullPath(output)}");
return 0;
