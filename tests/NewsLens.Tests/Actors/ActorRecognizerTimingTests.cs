using NewsLens.Tests.Quotes;
using Xunit.Abstractions;

namespace NewsLens.Tests.Actors;

/// <summary>Recognition cost grows with the article, not with the article times the names in it.</summary>
[Collection(nameof(QuoteTimingTests))]
public class ActorRecognizerTimingTests(ITestOutputHelper output)
{
    [Fact]
    public void TimeGrowsLinearlyWithTheNamesInAnArticle()
    {
        // Every sentence introduces an uncatalogued person by a title, then names a firm: the claims, short forms
        // and overlap checks all see every name the article holds.
        var recognizer = new ActorRecognizer();
        var small = Article.FromText(TitledNames(1_000));
        var large = Article.FromText(TitledNames(16_000));
        var repeats = (int)Math.Round((double)large.Text.Length / small.Text.Length);
        var smallTime = QuoteRobustnessTests.Fastest(() =>
        {
            for (var i = 0; i < repeats; i++)
                recognizer.Recognize(small);
        });
        var largeTime = QuoteRobustnessTests.Fastest(() => recognizer.Recognize(large));
        var ratio = largeTime / Math.Max(smallTime, 1e-3);
        output.WriteLine($"{repeats} x {small.Text.Length} chars: {smallTime * 1000:F0} ms CPU; {large.Text.Length} chars once: {largeTime * 1000:F0} ms CPU; ratio {ratio:F2}");

        Assert.Contains(recognizer.Recognize(small), m => m.Source == MentionSource.Discovered);
        // Linear work gives a ratio near 1; work per name per name would give about the repeat count (16).
        Assert.True(ratio < 5, $"one {repeats}x longer article cost {ratio:F2}x the CPU time of {repeats} short ones");
    }

    // Invented names: "Jane Vorab", "Jane Vorbb", ... cycling through 676 surnames.
    private static string TitledNames(int sentences) => string.Concat(Enumerable.Range(0, sentences).Select(i =>
        $"The spokesman Jane Vor{(char)('a' + i % 26)}{(char)('a' + i / 26 % 26)}b said the first quarter was fine for Hale Vor{(char)('a' + i % 26)} Inc. "));
}
