using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace NewsLens.Tests.Quotes;

/// <summary>Random, unbalanced and huge inputs: the extractor never throws, keeps its invariants, and scales linearly.</summary>
public class QuoteRobustnessTests(ITestOutputHelper output)
{
    private static readonly string[] Pieces =
    [
        "\"", "\"", "“", "”", "‘", "’", "'", "'", "«", "»", "„", "‹", "›", " ", " ", " ", " ", ", ", ". ", ": ", "; ", "\n\n", "(", ")", "—",
        "said", "says", "told reporters", "according to", "he", "she", "it", "they", "the minister", "the party", "added",
        "Anna", "Berg", "de", "Vries", "Moscow", "U.S.", "Kyiv's", "Carters'", "'90s", "rock 'n' roll", "don't", "we", "will", "win",
        "the", "plan", "is", "a", "gamble", "so-called", "Mr.", "3.5", "[", "]", "(#)", "**", "…", "?", "!",
    ];

    [Fact]
    public void TenThousandRandomInputsNeverThrowAndKeepOffsetsConsistent()
    {
        var random = new Random(20240708);
        var quotes = 0;
        for (var n = 0; n < 10_000; n++)
        {
            // Mostly short texts; every 500th is one very long paragraph.
            var length = n % 500 == 499 ? 20_000 : random.Next(0, 120);
            var text = Generate(random, length, allowParagraphs: n % 500 != 499);
            var article = Article.FromText(text, $"r{n}");
            var found = QuoteExtractor.Extract(article);
            quotes += found.Count;
            var previousEnd = -1;
            foreach (var q in found)
            {
                Assert.True(q.Start >= 0 && q.Start <= q.End && q.End <= article.Text.Length, $"bad offsets in input {n}");
                Assert.Equal(q.Text, article.Text[q.Start..q.End]);
                Assert.True(q.Start >= previousEnd, $"overlapping quotes in input {n}");
                Assert.InRange(q.Sentence, 0, Math.Max(0, article.Sentences.Count - 1));
                Assert.InRange(q.Confidence, 0, 1);
                previousEnd = q.End;
            }
        }

        output.WriteLine($"10000 inputs, {quotes} quotes");
        Assert.True(quotes > 1000, "the generator should produce many quotations");
    }

    [SharedDataFact("corpora/reuters21578/reuters21578.jsonl")]
    public void RunsOverEveryReutersStory()
    {
        var path = TestPaths.SharedPath("corpora", "reuters21578", "reuters21578.jsonl");
        var stories = 0;
        var quotes = 0;
        var attributed = 0;
        var watch = Stopwatch.StartNew();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Trim().Length == 0)
                continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var text = root.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
            var id = root.TryGetProperty("id", out var i) ? i.GetString() ?? $"line{stories}" : $"line{stories}";
            var found = QuoteExtractor.Extract(Article.FromText(text, id));
            quotes += found.Count;
            attributed += found.Count(q => q.Speaker is not null);
            stories++;
        }

        output.WriteLine($"{stories} stories, {quotes} quotes ({attributed} attributed) in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(stories > 20_000);
        Assert.True(quotes > 0);
    }

    internal static string Generate(Random random, int pieces, bool allowParagraphs)
    {
        var sb = new StringBuilder();
        for (var k = 0; k < pieces; k++)
        {
            var piece = Pieces[random.Next(Pieces.Length)];
            if (!allowParagraphs && piece == "\n\n")
                piece = " ";
            sb.Append(piece);
            if (random.Next(3) == 0)
                sb.Append(' ');
        }

        return sb.ToString();
    }

    internal static double Fastest(Action action)
    {
        action(); // warm up
        var best = double.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }
}

/// <summary>Timing runs alone: tests running beside it on the same cores would distort the ratio.</summary>
[CollectionDefinition(nameof(QuoteTimingTests), DisableParallelization = true)]
public sealed class QuoteTimingCollection;

[Collection(nameof(QuoteTimingTests))]
public class QuoteTimingTests(ITestOutputHelper output)
{
    [Fact]
    public void TimeGrowsLinearlyWithTheLengthOfAParagraph()
    {
        // One endless paragraph of marks, names and cues: the worst case for pairing and attribution.
        var small = Article.FromText(QuoteRobustnessTests.Generate(new Random(1), 16_000, allowParagraphs: false));
        var large = Article.FromText(QuoteRobustnessTests.Generate(new Random(1), 256_000, allowParagraphs: false));
        var smallTime = QuoteRobustnessTests.Fastest(() => QuoteExtractor.Extract(small));
        var largeTime = QuoteRobustnessTests.Fastest(() => QuoteExtractor.Extract(large));
        var ratio = largeTime / Math.Max(smallTime, 1e-6);
        output.WriteLine($"{small.Text.Length} chars: {smallTime * 1000:F2} ms; {large.Text.Length} chars: {largeTime * 1000:F2} ms; ratio {ratio:F1} for x{(double)large.Text.Length / small.Text.Length:F1} input");
        // Linear would be ~16; quadratic ~256. The margin absorbs a busy machine (cache and GC effects grow with size).
        Assert.True(ratio < 100, $"16x longer input took {ratio:F1}x longer");
    }

}
