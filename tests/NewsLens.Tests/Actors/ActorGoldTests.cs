using System.Text.Json;
using Xunit.Abstractions;

namespace NewsLens.Tests.Actors;

/// <summary>People recognised in the seed articles against the hand-made gold (names match when equal or the surname matches).</summary>
public class ActorGoldTests(ITestOutputHelper output)
{
    private sealed record GoldArticle(string File, int Index, string[] People, string[] OrganizationsAndPlaces);

    private static IReadOnlyList<GoldArticle> GoldPeople() =>
        File.ReadLines(Path.Combine(TestPaths.Gold, "seeds.actors.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => new GoldArticle(
                e.GetProperty("file").GetString()!,
                e.GetProperty("article_index").GetInt32(),
                e.GetProperty("people").EnumerateArray().Select(p => p.GetString()!).ToArray(),
                e.GetProperty("organizations").EnumerateArray().Concat(e.GetProperty("places").EnumerateArray()).Select(p => p.GetString()!).ToArray()))
            .ToList();

    private static readonly Lazy<Corpus> Seeds = new(() => Corpus.Load(TestPaths.Seeds));

    private static IReadOnlyList<(string File, int Index, Article Article)> SeedArticles() =>
        Seeds.Value.Articles.Select(a => (a.File, a.Index, a)).ToList();

    private static bool SamePerson(string predicted, string gold)
    {
        var p = ActorText.Key(predicted);
        var g = ActorText.Key(gold);
        return p == g || p.Split(' ')[^1] == g.Split(' ')[^1];
    }

    [Fact]
    public void PeoplePrecisionAndRecallMeetTheThresholds()
    {
        var recognizer = new ActorRecognizer();
        var gold = GoldPeople();
        int truePositives = 0, predictedTotal = 0, goldTotal = 0;
        foreach (var (file, index, article) in SeedArticles())
        {
            var expected = gold.SingleOrDefault(g => g.File == file && g.Index == index)?.People.ToList() ?? [];
            output.WriteLine($"{file}#{index} published {article.Published?.ToString("yyyy-MM-dd") ?? "?"}");
            var predicted = recognizer.Recognize(article).Where(m => m.Kind == ActorKind.Person).Select(m => m.Actor).Distinct().ToList();
            var unmatchedGold = expected.ToList();
            var falsePositives = new List<string>();
            foreach (var person in predicted)
            {
                var match = unmatchedGold.FirstOrDefault(g => SamePerson(person, g));
                if (match is null)
                    falsePositives.Add(person);
                else
                    unmatchedGold.Remove(match);
            }

            truePositives += predicted.Count - falsePositives.Count;
            predictedTotal += predicted.Count;
            goldTotal += expected.Count;
            output.WriteLine($"{file}#{index}: {predicted.Count - falsePositives.Count}/{expected.Count} found"
                             + (falsePositives.Count > 0 ? $"; extra: {string.Join(", ", falsePositives)}" : "")
                             + (unmatchedGold.Count > 0 ? $"; missed: {string.Join(", ", unmatchedGold)}" : ""));
        }

        var precision = (double)truePositives / predictedTotal;
        var recall = (double)truePositives / goldTotal;
        output.WriteLine($"people: precision {precision:F3} ({truePositives}/{predictedTotal}), recall {recall:F3} ({truePositives}/{goldTotal})");
        Assert.True(precision >= 0.90, $"precision {precision:F3} < 0.90");
        Assert.True(recall >= 0.95, $"recall {recall:F3} < 0.95");
    }

    [Fact]
    public void TheTopDiplomatInTheRtArticleIsLavrov()
    {
        var (_, _, article) = SeedArticles().Single(a => a.File.StartsWith("004_") && a.Index == 0);
        var mention = Assert.Single(new ActorRecognizer().Recognize(article), m => m.Surface == "the top diplomat");
        Assert.Equal(("Sergey Lavrov", MentionSource.Role), (mention.Actor, mention.Source));
    }

    [Fact]
    public void BothSpellingsOfLavrovInTheSeedsAreOneActor()
    {
        var mentions = SeedArticles().SelectMany(a => new ActorRecognizer().Recognize(a.Article)).ToList();
        Assert.Contains(mentions, m => m.Surface == "Sergey Lavrov");
        Assert.Contains(mentions, m => m.Surface == "Sergei Lavrov");
        Assert.Equal(["Sergey Lavrov"], mentions.Where(m => m.Surface.Contains("Lavrov", StringComparison.Ordinal)).Select(m => m.Actor).Distinct());
    }

    // Organisations and places are not part of the acceptance threshold (the gold includes generic ones such as "West"
    // and "Communist Party"); the figures are printed so changes to the catalog show up, with a loose floor.
    [Fact]
    public void OrganisationsAndPlacesFiguresArePrinted()
    {
        var recognizer = new ActorRecognizer();
        var catalog = recognizer.Catalog;
        int found = 0, predictedTotal = 0, goldTotal = 0;
        foreach (var (file, index, article) in SeedArticles())
        {
            var expected = GoldPeople().SingleOrDefault(g => g.File == file && g.Index == index)?.OrganizationsAndPlaces ?? [];
            // Gold names may be aliases ("EU", "Kiev", "U.S."): compare canonical names where the catalog knows them.
            var goldNames = expected.Select(n => catalog.Find(n)?.Name ?? n).Distinct().ToList();
            var predicted = recognizer.Recognize(article).Where(m => m.Kind != ActorKind.Person).Select(m => m.Actor).Distinct().ToList();
            var hits = predicted.Count(goldNames.Contains);
            found += hits;
            predictedTotal += predicted.Count;
            goldTotal += goldNames.Count;
            var missed = goldNames.Where(g => !predicted.Contains(g)).ToList();
            var extra = predicted.Where(p => !goldNames.Contains(p)).ToList();
            output.WriteLine($"{file}#{index}: {hits}/{goldNames.Count}"
                             + (missed.Count > 0 ? $"; missed: {string.Join(", ", missed)}" : "")
                             + (extra.Count > 0 ? $"; extra: {string.Join(", ", extra)}" : ""));
        }

        var precision = (double)found / predictedTotal;
        var recall = (double)found / goldTotal;
        output.WriteLine($"organisations and places: precision {precision:F3} ({found}/{predictedTotal}), recall {recall:F3} ({found}/{goldTotal})");
        Assert.True(precision >= 0.8 && recall >= 0.8, $"precision {precision:F3}, recall {recall:F3}");
    }
}
