#!/usr/bin/env -S dotnet run --file
// Who is quoted, how often, by which outlet and when: quote tables as CSV and two charts.
// Usage, from the repository root: dotnet run --file scripts/quote-frequency.cs -- [--plotly embed|file] <corpus path>... <output folder>
// --plotly file writes plotly.js once, beside the chart pages, instead of inside each (embed, the default).
#:project ../src/NewsLens.Interactive/NewsLens.Interactive.csproj
// File-based apps default to native AOT, which turns off reflection-based JSON (used to read the actor catalog).
#:property PublishAot=false
using NewsLens;
using NewsLens.Interactive.Reports;

if (!Exports.TryPlotlyOption(args, out var plotly, out var rest, out var problem) || rest.Length < 2)
{
    Console.Error.WriteLine(problem ?? "usage: dotnet run --file scripts/quote-frequency.cs -- [--plotly embed|file] <corpus path>... <output folder>");
    return 1;
}

var output = rest[^1];
var corpus = Corpus.Load(rest[..^1]);
var quotes = corpus.Quotes();
Exports.WriteCsv(quotes.ToDataFrame(), Path.Combine(output, "quotes.csv"));
Exports.WriteCsv(quotes.QuotesBySpeaker(), Path.Combine(output, "quotes-by-speaker.csv"));
Exports.WriteCsv(corpus.QuotesByOutlet(quotes), Path.Combine(output, "quotes-by-outlet.csv"));
Exports.WriteChart(QuoteCharts.Frequency(corpus, quotes), Path.Combine(output, "quote-frequency.html"), plotly: plotly);
Exports.WriteChart(QuoteCharts.OverTime(corpus, quotes), Path.Combine(output, "quotes-over-time.html"), plotly: plotly);
Console.WriteLine($"{quotes.Count} quotes in {corpus.Count} articles → {Path.GetFullPath(output)}");
return 0;
