#!/usr/bin/env -S dotnet run --file
// Tone by sentence, article and outlet, over time and by actor: tables as CSV and charts.
// Usage, from the repository root: dotnet run --file scripts/sentiment-over-time.cs -- [--plotly embed|file] <corpus path>... <output folder>
// --plotly file writes plotly.js once, beside the chart pages, instead of inside each (embed, the default).
#:project ../src/NewsLens.Interactive/NewsLens.Interactive.csproj
// File-based apps default to native AOT, which turns off reflection-based JSON (used to read the actor catalog).
#:property PublishAot=false
using NewsLens;
using NewsLens.Interactive.Reports;

if (!Exports.TryPlotlyOption(args, out var plotly, out var rest, out var problem) || rest.Length < 2)
{
    Console.Error.WriteLine(problem ?? "usage: dotnet run --file scripts/sentiment-over-time.cs -- [--plotly embed|file] <corpus path>... <output folder>");
    return 1;
}

var output = rest[^1];
var corpus = Corpus.Load(rest[..^1]);
var sentiment = corpus.Sentiment();
Exports.WriteCsv(sentiment.ToDataFrame(), Path.Combine(output, "sentences.csv"));
Exports.WriteCsv(sentiment.ByArticle().ToDataFrame(), Path.Combine(output, "articles.csv"));
Exports.WriteCsv(sentiment.ByOutlet().ToDataFrame(), Path.Combine(output, "outlets.csv"));
var byOutlet = SentimentPoints.ByOutlet(sentiment);
var byActor = SentimentPoints.ByActor(sentiment, corpus.Mentions());
Exports.WriteChart(SentimentCharts.OverTime(byOutlet), Path.Combine(output, "sentiment-over-time.html"), plotly: plotly);
Exports.WriteChart(SentimentCharts.Distribution(byOutlet), Path.Combine(output, "sentiment-by-outlet.html"), plotly: plotly);
Exports.WriteChart(SentimentCharts.Distribution(byActor, new SentimentChartOptions { SeriesName = "actor", Unit = "sentence", Top = 10, Violin = false }),
    Path.Combine(output, "sentiment-by-actor.html"), plotly: plotly);
Console.WriteLine($"{sentiment.Sentences.Count} sentences in {corpus.Count} articles → {Path.GetFullPath(output)}");
return 0;
