namespace NewsLens.Tests.Actors;

/// <summary>Organisations outside the catalog, from head words and defined acronyms (invented names throughout).</summary>
public sealed class OrganisationDiscoveryTests
{
    private static IReadOnlyList<Mention> Recognize(string text, bool discover = true) =>
        new ActorRecognizer(discoverOrganisations: discover).Recognize(Article.FromText(text));

    private static List<(string Actor, string Surface, MentionSource Source)> Organisations(string text) =>
        [.. Recognize(text).Where(m => m.Kind == ActorKind.Organization).Select(m => (m.Actor, m.Surface, m.Source))];

    [Theory]
    [InlineData("Tomas Brandvik, president of the Northern Council for Adoption, said the rules were overdue.", "Northern Council for Adoption")]
    [InlineData("Shares of Holloway Textile Holdings plc rose on Monday after the results.", "Holloway Textile Holdings plc")]
    [InlineData("The Bank of Eastmoor held its rates steady for a third month.", "Bank of Eastmoor")]
    [InlineData("A spokesman for the Ministry of Coastal Affairs declined to comment.", "Ministry of Coastal Affairs")]
    [InlineData("Protesters gathered outside the Vennard Institute for Policy Studies on Friday.", "Vennard Institute for Policy Studies")]
    [InlineData("Later the Marrow Valley Farmers' Union said prices were too low.", "Marrow Valley Farmers' Union")]
    public void ANameWithAHeadWordIsAnOrganisation(string text, string name)
    {
        var found = Assert.Single(Organisations(text));
        Assert.Equal((name, MentionSource.Discovered), (found.Actor, found.Source));
    }

    [Fact]
    public void ADefinedAcronymNamesTheBodyAndItsLaterUses()
    {
        var found = Organisations("The Office of Harbour Standards (OHS) opened an inquiry. On Tuesday the OHS said it had found nothing.");

        Assert.Equal(
            [("Office of Harbour Standards", "Office of Harbour Standards", MentionSource.Discovered), ("Office of Harbour Standards", "OHS", MentionSource.Alias)],
            found);
    }

    [Fact]
    public void AnAcronymWhoseLettersFitMakesAnOrganisationWithoutAHeadWord()
    {
        var found = Organisations("Analysts at Greyling Marrow Partners (GMP) were cautious, and GMP cut its forecast.");
        Assert.Equal(["Greyling Marrow Partners", "Greyling Marrow Partners"], found.Select(f => f.Actor));
        Assert.Empty(Organisations("She joined Holloway Brandt (XYZ) last year."));
    }

    [Theory]
    [InlineData("Council members met on Tuesday.")] // a head alone
    [InlineData("The Party said nothing.")] // a head after an opener
    [InlineData("Meanwhile, shares fell in early trading.")]
    [InlineData("Vennard Council Votes To Close Three Libraries In Budget Squeeze")] // a title-case headline line
    public void HeadsAloneOpenersAndHeadlinesAreNotOrganisations(string text) => Assert.Empty(Organisations(text));

    [Fact]
    public void PeopleAndCatalogActorsKeepTheirWordsAndTheSwitchTurnsItOff()
    {
        const string text = "Maria Lindqvist, chair of the Brannock Housing Association, met officials of the European Union.";
        var mentions = Recognize(text);

        Assert.Contains(mentions, m => m is { Actor: "Maria Lindqvist", Kind: ActorKind.Person });
        Assert.Contains(mentions, m => m is { Actor: "Brannock Housing Association", Kind: ActorKind.Organization, Source: MentionSource.Discovered });
        Assert.Contains(mentions, m => m is { Surface: "European Union", Source: MentionSource.Catalog });
        Assert.DoesNotContain(Recognize(text, discover: false), m => m.Actor == "Brannock Housing Association");
    }
}

/// <summary>The tail of an apostrophe name is not a catalog surname.</summary>
public sealed class WordTailTests
{
    [Theory]
    [InlineData("\"We will grow,\" said chief executive Finian O'Sullivan.")]
    [InlineData("Sonia O’Sullivan won a medal in Athens.")]
    public void OApostropheNamesDoNotLinkToACatalogNamesake(string text) =>
        Assert.DoesNotContain(new ActorRecognizer().Recognize(Article.FromText(text)), m => m.Actor == "Jake Sullivan");

    [Fact]
    public void TheSameSurnameStandingAloneAfterTheFullNameStillLinks()
    {
        var mentions = new ActorRecognizer().Recognize(Article.FromText("Jake Sullivan met officials in Kyiv. Sullivan said talks went well."));
        Assert.Equal(2, mentions.Count(m => m.Actor == "Jake Sullivan"));
    }
}
