#!/usr/bin/env -S dotnet run --file
// The corpus: articles table, diagnostics, and charts of articles by outlet and over time.
// Usage, from the repository root: dotnet run --file scripts/corpus.cs -- <corpus path>... <output folder>
#:project ../src/NewsLens.Interactive/NewsLens.Interactive.csproj
// File-based apps default to native AOT, which turns off reflection-based JSON (used to read the actor catalog).
#:property PublishAot=false
using NewsLens;
using NewsLens.Interactive.Reports;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: dotnet run --file scripts/corpus.cs -- <corpus path>... <output folder>");
    return 1;
}

var output = args[^1];
var corpus = Corpus.Load(args[..^1]);
Exports.WriteCsv(corpus.ToDataFrame(), Path.Combine(output, "articles.csv"));
File.WriteAllLines(Path.Combine(output, "diagnostics.txt"), corpus.Diagnostics.Select(d => d.ToString()));
Exports.WriteChart(CorpusCharts.Outlets(corpus), Path.Combine(output, "articles-by-outlet.html"));
Exports.WriteChart(CorpusCharts.OverTime(corpus), Path.Combine(output, "articles-over-time.html"));
Console.WriteLine($"{corpus.Count} articles, {corpus.Diagnostics.Count} diagnostics → {Path.GetFullPath(output)}");
return 0;
