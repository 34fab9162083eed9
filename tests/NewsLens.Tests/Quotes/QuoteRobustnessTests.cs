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

    /// <summary>
    /// The least CPU time of three runs, in seconds. CPU time of this process, not wall-clock time: other
    /// processes on a busy machine stretch the wall clock, not the work this process does.
    /// </summary>
    internal static double Fastest(Action action)
    {
        action(); // warm up
        using var process = Process.GetCurrentProcess();
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var before = process.TotalProcessorTime;
            action();
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - before).TotalSeconds);
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
        // The small text is extracted as many times as the large one is longer, so both sides do the same
        // amount of linear work and each takes long enough for the CPU clock's resolution.
        var repeats = (int)Math.Round((double)large.Text.Length / small.Text.Length);
        var smallTime = QuoteRobustnessTests.Fastest(() =>
        {
            for (var i = 0; i < repeats; i++)
                QuoteExtractor.Extract(small);
        });
        var largeTime = QuoteRobustnessTests.Fastest(() => QuoteExtractor.Extract(large));
        var ratio = largeTime / Math.Max(smallTime, 1e-3);
        output.WriteLine($"{repeats} x {small.Text.Length} chars: {smallTime * 1000:F0} ms CPU; {large.Text.Length} chars once: {largeTime * 1000:F0} ms CPU; ratio {ratio:F2}");
        // Linear work gives a ratio near 1; quadratic work would give about the repeat count (16). Cache and GC effects of the larger
        // text stay well under the bound.
        Assert.True(ratio < 5, $"one {repeats}x longer paragraph cost {ratio:F2}x the CPU time of {repeats} short ones");
    }

}
