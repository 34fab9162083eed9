using System.Text.Json;
using Xunit.Abstractions;

namespace NewsLens.Tests.Sentiment;

/// <summary>Agreement with the reference implementation's scores on the 23,703 human-rated sentences of the VADER paper.</summary>
public sealed class VaderReferenceTests(ITestOutputHelper output)
{
    private static readonly string[] Sets = ["nytEditorialSnippets", "tweets", "movieReviewSnippets", "amazonReviewSnippets"];

    [SharedDataFact("data/vader/nytEditorialSnippets.jsonl")]
    public void MatchesReferenceScoresOnAllSentences()
    {
        var total = 0;
        var compoundAgree = 0;
        var proportionsAgree = 0;
        var disagreements = new List<string>();
        foreach (var set in Sets)
        {
            foreach (var reference in ReferenceSentence.Read(set))
            {
                var score = Vader.Default.Score(reference.Text);
                total++;
                var compoundOk = score.Compound == reference.Compound;
                var proportionsOk = score.Negative == reference.Neg && score.Neutral == reference.Neu && score.Positive == reference.Pos;
                compoundAgree += compoundOk ? 1 : 0;
                proportionsAgree += proportionsOk ? 1 : 0;
                if ((!compoundOk || !proportionsOk) && disagreements.Count < 20)
                {
                    disagreements.Add(
                        $"{set}#{reference.Id}: ours {score.Negative}/{score.Neutral}/{score.Positive}/{score.Compound}, " +
                        $"reference {reference.Neg}/{reference.Neu}/{reference.Pos}/{reference.Compound}: {reference.Text}");
                }
            }
        }

        var compoundShare = (double)compoundAgree / total;
        var proportionsShare = (double)proportionsAgree / total;
        output.WriteLine($"sentences: {total}");
        output.WriteLine($"compound equal (4 decimals): {compoundAgree}/{total} = {compoundShare:P3}");
        output.WriteLine($"neg/neu/pos equal (3 decimals): {proportionsAgree}/{total} = {proportionsShare:P3}");
        foreach (var line in disagreements)
            output.WriteLine(line);

        Assert.Equal(23_703, total);
        Assert.True(compoundShare >= 0.999, $"compound agreement {compoundShare:P3} < 99.9 %");
        Assert.True(proportionsShare >= 0.999, $"neg/neu/pos agreement {proportionsShare:P3} < 99.9 %");
    }

    [SharedDataFact("data/vader/nytEditorialSnippets.jsonl")]
    public void CorrelatesWithHumanRatingsOnNytEditorials()
    {
        var sentences = ReferenceSentence.Read("nytEditorialSnippets").ToList();
        var ours = sentences.Select(s => Vader.Default.Score(s.Text).Compound).ToArray();
        var human = sentences.Select(s => s.Human).ToArray();
        var r = Pearson(ours, human);
        output.WriteLine($"Pearson r (compound vs human), nytEditorialSnippets, n = {sentences.Count}: {r:F4} (reference 0.503)");
        Assert.True(r >= 0.50, $"r = {r:F4}");
    }

    private static double Pearson(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    internal sealed record ReferenceSentence(string Id, double Human, string Text, double Neg, double Neu, double Pos, double Compound)
    {
        private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

        public static IEnumerable<ReferenceSentence> Read(string set) =>
            File.ReadLines(TestPaths.SharedPath("data", "vader", set + ".jsonl"))
                .Where(line => line.Length > 0)
                .Select(line => JsonSerializer.Deserialize<ReferenceSentence>(line, Json)!);
    }
}
