using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NewsLens;

namespace NewsLens.Benchmarks;

/// <summary>
/// VADER throughput, single thread, on the 5,190 NYT editorial snippets of the VADER paper (../shared/data/vader).
/// One operation is one sentence: sentences/s = 1 / mean.
/// Run: <c>dotnet run -c Release --project tests/NewsLens.Benchmarks -- --filter '*VaderBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class VaderBenchmarks
{
    private const int Sentences = 5_190;

    private string[] _sentences = [];
    private Vader _vader = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = BenchmarkData.SharedFile("data", "vader", "nytEditorialSnippets.jsonl");
        _sentences = File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)
            .ToArray();
        if (_sentences.Length != Sentences)
            throw new InvalidOperationException($"{path}: expected {Sentences} sentences, found {_sentences.Length}");
        _vader = Vader.Default;
    }

    [Benchmark(OperationsPerInvoke = Sentences, Description = "VADER, NYT snippets, per sentence")]
    public double ScoreNytSnippets()
    {
        var sum = 0.0;
        foreach (var sentence in _sentences)
            sum += _vader.Score(sentence).Compound;
        return sum;
    }
}
