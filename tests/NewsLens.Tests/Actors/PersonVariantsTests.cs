using System.Text.Json;
using Xunit.Abstractions;

namespace NewsLens.Tests.Actors;

public class PersonVariantsTests(ITestOutputHelper output)
{
    private static Mention Person(string name, string article = "a") =>
        new(article, 0, 0, name, ActorKind.Person, name, 0, name.Length, MentionSource.Discovered);

    [Theory]
    [InlineData("Oleksiy Vasylchenko", "Oleksii Vasylchenko")]
    [InlineData("Alexey Vasilchenko", "Aleksey Vasilchenko")]
    [InlineData("Mykhailo Dorofeyuk", "Mikhail Dorofeiuk")]
    [InlineData("Darya Kolesnyk", "Daria Kolesnik")]
    [InlineData("Rafael Ostrand", "Rafael Mariano Ostrand")]
    [InlineData("Steve Pelling", "Steven Pelling")]
    public void SpellingVariantsAcrossArticlesBecomeOnePerson(string first, string second)
    {
        var merged = new[] { Person(first, "a"), Person(first, "b"), Person(second, "c") }.MergeVariants();
        Assert.All(merged, m => Assert.Equal(first, m.Actor)); // the most mentioned form names the group
    }

    [Theory]
    [InlineData("Alexander Pelling", "Alexandra Pelling")] // given names of different genders
    [InlineData("John Pelling", "Mary Pelling")]
    [InlineData("Rafael Luis Ostrand", "Rafael Mariano Ostrand")] // different middle names
    [InlineData("Dan Pelling", "Daniel Pelling")] // too short to tell a shortening from another name
    public void DifferentPeopleStayApart(string first, string second) =>
        Assert.Empty(PersonVariants.Map([Person(first), Person(second)]));

    [Fact]
    public void AShortFormNeverBridgesTwoPeople()
    {
        var map = PersonVariants.Map([Person("Alexander Pelling"), Person("Alexander Pelling"), Person("Alexandra Pelling"), Person("Alex Pelling")]);
        Assert.Equal("Alexander Pelling", map["Alex Pelling"]);
        Assert.False(map.ContainsKey("Alexandra Pelling"));
    }

    [Fact]
    public void TheResultDoesNotDependOnTheOrderOfMentions()
    {
        Mention[] mentions = [Person("Oleksiy Vasylchenko"), Person("Aleksey Vasilchenko"), Person("Alexey Vasilchenko"), Person("Aleksey Vasilchenko")];
        Assert.Equal(PersonVariants.Map(mentions).OrderBy(p => p.Key), PersonVariants.Map(mentions.Reverse()).OrderBy(p => p.Key));
    }

    [SharedDataFact("corpora/ukraine-media-2022/articles.jsonl")]
    public void VariantsInUkraineCoverageAreMerged()
    {
        var recognizer = new ActorRecognizer();
        var mentions = File.ReadLines(TestPaths.SharedPath("corpora/ukraine-media-2022/articles.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .SelectMany(e => recognizer.Recognize(Article.FromText(e.GetProperty("text").GetString() ?? "", e.GetProperty("id").GetString()!)))
            .ToList();
        var map = PersonVariants.Map(mentions);
        output.WriteLine($"{mentions.Select(m => m.Actor).Distinct().Count()} actors, {map.Count} person names merged into another:");
        foreach (var (from, to) in map.OrderBy(p => p.Value, StringComparer.Ordinal).ThenBy(p => p.Key, StringComparer.Ordinal))
            output.WriteLine($"  {from} -> {to}");
        var people = mentions.MergeVariants().Where(m => m.Kind == ActorKind.Person).Select(m => m.Actor).ToHashSet();
        // The examples: each pair printed in this corpus ends up under one name.
        foreach (var (a, b) in new[] { ("Mykhailo Podolyak", "Mikhail Podoliak"), ("Alexey Reznikov", "Aleksey Reznikov"), ("Darya Dugina", "Daria Dugina") })
        {
            var (ca, cb) = (map.GetValueOrDefault(a, a), map.GetValueOrDefault(b, b));
            if (mentions.Any(m => m.Actor == a) && mentions.Any(m => m.Actor == b))
                Assert.Equal(ca, cb);
        }

        Assert.NotEmpty(map);
        Assert.All(map, p => Assert.Contains(p.Value, people));
    }
}
