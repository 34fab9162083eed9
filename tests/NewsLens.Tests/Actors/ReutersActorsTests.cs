using System.Text.Json;
using Xunit.Abstractions;

namespace NewsLens.Tests.Actors;

public class ReutersActorsTests(ITestOutputHelper output)
{
    private const string Reuters = "corpora/reuters21578/reuters21578.jsonl";

    // Read directly from the JSON Lines fields so this test depends only on the recognizer.
    private static IEnumerable<Article> ReutersArticles()
    {
        foreach (var line in File.ReadLines(TestPaths.SharedPath(Reuters)))
        {
            if (line.Length == 0)
                continue;
            var e = JsonDocument.Parse(line).RootElement;
            var published = e.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String
                ? DateOnly.FromDateTime(DateTime.Parse(p.GetString()!, System.Globalization.CultureInfo.InvariantCulture))
                : (DateOnly?)null;
            yield return Article.FromText(e.GetProperty("text").GetString() ?? "", e.GetProperty("id").GetString()!, published: published);
        }
    }

    [SharedDataFact(Reuters)]
    public void WholeReutersCorpusRunsWithValidMentions()
    {
        var recognizer = new ActorRecognizer();
        var articles = ReutersArticles().ToList();
        var mentions = new List<Mention>();
        foreach (var article in articles)
        {
            var found = recognizer.Recognize(article);
            foreach (var m in found)
            {
                Assert.Equal(m.Surface, article.Text[m.Start..m.End]);
                Assert.InRange(m.Sentence, 0, Math.Max(0, article.Sentences.Count - 1));
            }

            mentions.AddRange(found);
        }

        var bySource = mentions.GroupBy(m => m.Source).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}");
        output.WriteLine($"{articles.Count} articles, {mentions.Count} mentions ({string.Join(", ", bySource)})");
        output.WriteLine("top actors: " + string.Join(", ", mentions.GroupBy(m => m.Actor).OrderByDescending(g => g.Count()).Take(12).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("discovered sample: " + string.Join(", ", mentions.Where(m => m.Source == MentionSource.Discovered).Select(m => m.Actor).Distinct().Take(400)));
        Assert.True(articles.Count > 20_000);
        Assert.Contains(mentions, m => m.Actor == "United States");

        var table = Cooccurrence.Compute(articles, mentions, new CooccurrenceOptions { Window = CooccurrenceWindow.Article, MinCount = 20, Period = TimeBucket.Month });
        Assert.NotEmpty(table.Edges);
        Assert.All(table.Edges, e => Assert.InRange(e.Npmi, -1.0000001, 1.0000001));
    }
}
