namespace NewsLens.Tests.Actors;

public class ActorCatalogTests
{
    private static readonly ActorCatalog Catalog = ActorCatalog.Default;

    [Fact]
    public void DefaultCatalogCoversAtLeast150Actors()
    {
        Assert.True(Catalog.Actors.Count >= 150, $"{Catalog.Actors.Count} actors");
        Assert.Contains(Catalog.Actors, a => a.Kind == ActorKind.Person);
        Assert.Contains(Catalog.Actors, a => a.Kind == ActorKind.Organization);
        Assert.Contains(Catalog.Actors, a => a.Kind == ActorKind.Place);
        Assert.Equal(Catalog.Actors.Count, Catalog.Actors.Select(a => a.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("Sergei Lavrov", "Sergey Lavrov")]
    [InlineData("sergey lavrov", "Sergey Lavrov")]
    [InlineData("Stéphane Séjourné", "Stephane Sejourne")]
    [InlineData("Stephane Sejourne", "Stephane Sejourne")]
    [InlineData("Kiev", "Kyiv")]
    [InlineData("U.S.", "United States")]
    [InlineData("Russia’s Foreign Ministry", "Russian Foreign Ministry")]
    public void FindResolvesAliasesAndTransliterations(string alias, string canonical) =>
        Assert.Equal(canonical, Catalog.Find(alias)?.Name);

    [Theory]
    [InlineData("Moscow", "Russia")]
    [InlineData("Paris", "France")]
    [InlineData("Kyiv", "Ukraine")]
    [InlineData("Brussels", "European Union")]
    [InlineData("Washington", "United States")]
    [InlineData("Kremlin", "Russia")]
    public void CapitalsStandForTheirState(string metonym, string state) =>
        Assert.Equal(state, Catalog.Find(metonym)?.StandsFor);

    [Theory]
    [InlineData("Marine Le Pen", Gender.Female)]
    [InlineData("Sergei Lavrov", Gender.Male)]
    [InlineData("Kremlin", Gender.Unknown)]
    [InlineData("Nobody Known", Gender.Unknown)]
    public void GenderComesFromTheCatalog(string name, Gender gender) => Assert.Equal(gender, Catalog.GenderOf(name));

    [Theory]
    [InlineData("French foreign minister", "2019-06-01", "Jean-Yves Le Drian")]
    [InlineData("the French Foreign Minister", "2023-03-01", "Catherine Colonna")]
    [InlineData("French Foreign Minister", "2024-01-11", "Stephane Sejourne")]
    [InlineData("France's foreign minister", "2024-09-20", "Stephane Sejourne")]
    [InlineData("the foreign minister of France", "2024-09-21", "Jean-Noel Barrot")]
    [InlineData("Russian Foreign Minister", "2017-03-23", "Sergey Lavrov")]
    [InlineData("the Kremlin spokesman", "2024-07-08", "Dmitry Peskov")]
    [InlineData("Putin's spokesman", "2024-07-08", "Dmitry Peskov")]
    [InlineData("the Russian defence minister", "2024-04-09", "Sergei Shoigu")]
    [InlineData("the Russian defense minister", "2024-06-01", "Andrei Belousov")]
    [InlineData("the U.S. president", "2017-03-24", "Donald Trump")]
    [InlineData("the U.S. president", "2022-03-24", "Joe Biden")]
    [InlineData("German Chancellor", "2020-01-01", "Angela Merkel")]
    public void ScopedRolesResolveByDate(string phrase, string date, string holder) =>
        Assert.Equal(holder, Catalog.ResolveRole(phrase, DateOnly.Parse(date))?.Name);

    [Fact]
    public void UnscopedRoleNeedsContext()
    {
        var date = new DateOnly(2025, 4, 26);
        Assert.Null(Catalog.ResolveRole("the top diplomat", date));
        Assert.Equal("Sergey Lavrov", Catalog.ResolveRole("the top diplomat", date, ["Emmanuel Macron", "Sergey Lavrov", "Emmanuel Quidet"])?.Name);
        Assert.Equal("Kaja Kallas", Catalog.ResolveRole("the top diplomat", date, ["Sergey Lavrov", "Kaja Kallas"])?.Name);
    }

    [Fact]
    public void UndatedRolesResolveOnlyThroughContext()
    {
        // No date: not today's holder by default, but a holder the article has named (any term) is who the phrase means.
        Assert.Null(Catalog.ResolveRole("the French foreign minister", null));
        Assert.Null(Catalog.ResolveRole("German Chancellor", null));
        Assert.Equal("Jean-Yves Le Drian", Catalog.ResolveRole("the French foreign minister", null, ["Jean-Yves Le Drian"])?.Name);
        Assert.Equal("Angela Merkel", Catalog.ResolveRole("German Chancellor", null, ["Emmanuel Macron", "Angela Merkel"])?.Name);
    }

    [Fact]
    public void UndatedArticlesGetNoRoleHolderFromTheCalendar()
    {
        var recognizer = new ActorRecognizer(Catalog);
        const string text = "The German Chancellor spoke to reporters on Tuesday about the budget.";
        Assert.DoesNotContain(recognizer.Recognize(Article.FromText(text)), m => m.Source == MentionSource.Role);
        var dated = Article.FromText(text, published: new DateOnly(2020, 1, 1));
        Assert.Contains(recognizer.Recognize(dated), m => m.Source == MentionSource.Role && m.Actor == "Angela Merkel");
    }

    [Theory]
    [InlineData("Russian Foreign Minister", "2001-01-01")] // before Lavrov, uncatalogued predecessor
    [InlineData("the weather", "2024-01-01")]
    [InlineData("", "2024-01-01")]
    public void UnknownRolesResolveToNull(string phrase, string date) => Assert.Null(Catalog.ResolveRole(phrase, DateOnly.Parse(date)));

    [Fact]
    public void UserFileMergesOverTheDefault()
    {
        var path = Path.Combine(Path.GetTempPath(), $"actors-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {
              "offices": { "foreign minister": ["foreign affairs supremo"] },
              "actors": [
                { "name": "Jane Example", "kind": "person", "gender": "female", "aliases": ["J. Example"],
                  "roles": [ { "office": "foreign minister", "of": ["Ruritania"], "from": "2030-01-01" } ] },
                { "name": "Ruritania", "kind": "place", "demonyms": ["Ruritanian"] },
                { "name": "Sergey Lavrov", "kind": "person", "gender": "male", "aliases": ["S. V. Lavrov"] }
              ]
            }
            """);
        try
        {
            var merged = ActorCatalog.Load(path);
            Assert.Equal(Catalog.Actors.Count + 2, merged.Actors.Count);
            Assert.Equal("Jane Example", merged.ResolveRole("the Ruritanian foreign affairs supremo", new DateOnly(2031, 1, 1))?.Name);
            Assert.Equal("Sergey Lavrov", merged.Find("S. V. Lavrov")?.Name);
            Assert.Null(merged.Find("Sergej Lawrow")); // the user's entry replaced the shipped one
            Assert.Equal(Gender.Female, merged.GenderOf("J. Example"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{ "actors": [ { "kind": "person" } ] }""", "missing \"name\"")]
    [InlineData("""{ "actors": [ { "name": "A B", "kind": "robot" } ] }""", "\"kind\" must be")]
    [InlineData("""{ "actors": [ { "name": "A B", "kind": "person", "roles": [ { "office": "x", "from": "soon" } ] } ] }""", "bad date 'soon'")]
    [InlineData("""{ "actors": [ """, "invalid actor catalog JSON")]
    public void BadFilesFailWithTheFileAndProblem(string json, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"actors-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => ActorCatalog.Load(path));
            Assert.Contains(path, error.Message);
            Assert.Contains(expected, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
