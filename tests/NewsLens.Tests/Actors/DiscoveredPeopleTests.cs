using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace NewsLens.Tests.Actors;

/// <summary>
/// Quality of people discovered outside the catalog on real newswire: a precision proxy (discovered names that look like
/// firms, places or a name plus a common word) and a recall signal (the corpus's own "people" tags found among the people
/// recognised in their story). The suspicion checks here are the test's own, independent of the recognizer's word lists.
/// </summary>
public class DiscoveredPeopleTests(ITestOutputHelper output)
{
    private const string Reuters = "corpora/reuters21578/reuters21578.jsonl";
    private const string Ukraine = "corpora/ukraine-media-2022/articles.jsonl";
    private const int Sample = 20_000;

    // What follows a firm's name in business news: "First Boston Corp", "Morgan Stanley and Co".
    private static readonly Regex FirmSuffix = new(
        @"(?:\s+(?:and|&)\s+Co\b|,?\s+(?:Inc|Corp|Ltd|Plc|PLC|LP)\b|\s+(?:Corporation|Co|Group|Holdings|Bank|Securities|Partners)\b)",
        RegexOptions.NonBacktracking);

    // A place used as an adjective: "Kuala Lumpur-based".
    private static readonly Regex Based = new(@"-based\b", RegexOptions.NonBacktracking);

    private sealed record Story(Article Article, string[] PeopleTags);

    private static List<Story> ReutersSample()
    {
        var stories = new List<Story>();
        foreach (var line in File.ReadLines(TestPaths.SharedPath(Reuters)))
        {
            if (stories.Count == Sample)
                break;
            var e = JsonDocument.Parse(line).RootElement;
            if (e.GetProperty("text").GetString() is not { } text)
                continue;
            var published = e.GetProperty("published").GetString() is { } p
                ? DateOnly.FromDateTime(DateTime.Parse(p, CultureInfo.InvariantCulture))
                : (DateOnly?)null;
            var tags = e.GetProperty("people").EnumerateArray().Select(t => t.GetString()!).ToArray();
            stories.Add(new Story(Article.FromText(text, e.GetProperty("id").GetString()!, published: published), tags));
        }

        return stories;
    }

    [SharedDataFact(Reuters)]
    public void DiscoveredPeopleOnReutersAreMostlyPeopleAndTaggedPeopleAreFound()
    {
        var recognizer = new ActorRecognizer();
        var stories = ReutersSample();
        var mentions = stories.Select(s => recognizer.Recognize(s.Article)).ToList();

        var discovered = mentions.SelectMany(m => m).Where(m => m.Source == MentionSource.Discovered && m.Kind == ActorKind.Person)
            .GroupBy(m => m.Actor).Select(g => (Name: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        var texts = new Evidence(stories.Select(s => s.Article.Text));
        var suspects = discovered.Where(d => SuspectReason(d.Name, texts) is not null).ToList();
        var suspectShare = (double)suspects.Count / discovered.Count;
        output.WriteLine($"{stories.Count} stories, {discovered.Count} distinct discovered people ({discovered.Sum(d => d.Count)} mentions)");
        output.WriteLine($"suspect: {suspects.Count} = {suspectShare:P1} ({Reasons(suspects, texts)})");
        output.WriteLine("suspects: " + string.Join(", ", suspects.Take(150).Select(s => $"{s.Name} [{SuspectReason(s.Name, texts)}]")));
        output.WriteLine("top 30 discovered: " + string.Join(", ", discovered.Take(30).Select(d => $"{d.Name} {d.Count}")));

        // Recall signal: a tag's surname ("james-baker" -> baker) among the words of people recognised in its story,
        // counted where the surname appears in the story at all.
        int tagged = 0, found = 0;
        var missed = new List<string>();
        for (var i = 0; i < stories.Count; i++)
        {
            var words = ActorText.FoldedWords(stories[i].Article.Text).ToHashSet(StringComparer.Ordinal);
            var people = mentions[i].Where(m => m.Kind == ActorKind.Person)
                .SelectMany(m => ActorText.FoldedWords(m.Actor).Concat(ActorText.FoldedWords(m.Surface))).ToHashSet(StringComparer.Ordinal);
            foreach (var tag in stories[i].PeopleTags)
            {
                var surname = tag.Split('-')[^1];
                if (!words.Contains(surname))
                    continue;
                tagged++;
                if (people.Contains(surname))
                    found++;
                else
                    missed.Add(tag);
            }
        }

        var recall = (double)found / tagged;
        output.WriteLine($"tagged people found: {recall:F3} ({found}/{tagged}); missed: {string.Join(", ", missed.Distinct().Order())}");

        // Reached: 1.6 % suspect (2.2 % before firms, places and run-on words were caught), recall 0.778.
        Assert.True(suspectShare <= 0.02, $"suspect share {suspectShare:P1} > 2%");
        Assert.True(recall >= 0.75, $"tag recall {recall:F3} < 0.75");
    }

    [SharedDataFact(Ukraine)]
    public void TopDiscoveredPeopleOnUkraineCoverage()
    {
        var recognizer = new ActorRecognizer();
        var articles = File.ReadLines(TestPaths.SharedPath(Ukraine)).Take(5000)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => Article.FromText(e.GetProperty("text").GetString() ?? "", e.GetProperty("id").GetString()!))
            .ToList();
        var discovered = articles.SelectMany(recognizer.Recognize).Where(m => m.Source == MentionSource.Discovered && m.Kind == ActorKind.Person)
            .GroupBy(m => m.Actor).Select(g => (Name: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        var texts = new Evidence(articles.Select(a => a.Text));
        var suspects = discovered.Where(d => SuspectReason(d.Name, texts) is not null).ToList();
        var suspectShare = (double)suspects.Count / discovered.Count;
        output.WriteLine($"{articles.Count} articles, {discovered.Count} distinct discovered people; suspect {suspects.Count} = {suspectShare:P1} ({Reasons(suspects, texts)})");
        output.WriteLine("suspects: " + string.Join(", ", suspects.Take(150).Select(s => $"{s.Name} [{SuspectReason(s.Name, texts)}]")));
        output.WriteLine("top 30 discovered: " + string.Join(", ", discovered.Take(30).Select(d => $"{d.Name} {d.Count}")));
        // Reached: 1.5 % (1.6 % before); most of what remains are real people with common-word surnames ("Price").
        Assert.True(suspectShare <= 0.02, $"suspect share {suspectShare:P1} > 2%");
    }

    private static string Reasons(List<(string Name, int Count)> suspects, Evidence evidence) =>
        string.Join(", ", suspects.GroupBy(s => SuspectReason(s.Name, evidence)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));

    // Why a discovered name looks like something other than a person, or null.
    private static string? SuspectReason(string name, Evidence evidence)
    {
        var actor = ActorCatalog.Default.Find(name);
        if (actor is not null && actor.Kind != ActorKind.Person)
            return "catalog " + actor.Kind.ToString().ToLowerInvariant();
        if (evidence.Firms.Contains(name))
            return "firm";
        if (evidence.Places.Contains(name))
            return "place";
        var last = name.Split(' ')[^1];
        // A word written in lower case far more often than capitalised: "Speaking", "Says".
        var lower = evidence.Words.GetValueOrDefault(last.ToLowerInvariant());
        if (last.Length > 3 && lower >= 5 && lower > 4 * evidence.Words.GetValueOrDefault(last))
            return "common word";
        return null;
    }

    /// <summary>What the sample itself says about words: case-sensitive word counts and the word sequences seen before a firm suffix.</summary>
    private sealed class Evidence
    {
        public Dictionary<string, int> Words { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Firms { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Places { get; } = new(StringComparer.Ordinal);

        public Evidence(IEnumerable<string> texts)
        {
            foreach (var text in texts)
            {
                foreach (var w in WordPattern.EnumerateMatches(text))
                {
                    var word = text.Substring(w.Index, w.Length);
                    Words[word] = Words.GetValueOrDefault(word) + 1;
                }

                AddBefore(text, FirmSuffix, Firms);
                AddBefore(text, Based, Places);
            }
        }

        // The last one to four words before each match.
        private static void AddBefore(string text, Regex marker, HashSet<string> into)
        {
            foreach (var m in marker.EnumerateMatches(text))
            {
                var before = text[Math.Max(0, m.Index - 60)..m.Index].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                for (var k = 1; k <= Math.Min(4, before.Length); k++)
                    into.Add(string.Join(' ', before[^k..]));
            }
        }
    }

    private static readonly Regex WordPattern = new(@"\p{L}+", RegexOptions.NonBacktracking);
}
