namespace NewsLens.Tests.Quotes;

/// <summary>Who said it: cue verbs, word order, pronouns, roles, surnames, continuation, organisations, nobody.</summary>
public class QuoteAttributionTests
{
    private static Quote Single(string text) => Assert.Single(QuoteExtractor.Extract(Article.FromText(text)));

    [Theory]
    [InlineData("\"We will win,\" Anna Berg said.", "Anna Berg", SpeakerResolution.Name, "said")]
    [InlineData("\"We will win,\" said Anna Berg.", "Anna Berg", SpeakerResolution.Name, "said")]
    [InlineData("\"We will win,\" said Ingrid de Vries, who chairs the board.", "Ingrid de Vries", SpeakerResolution.Name, "said")]
    [InlineData("\"We will win,\" Anna Berg told reporters on Monday.", "Anna Berg", SpeakerResolution.Name, "told")]
    [InlineData("Anna Berg told reporters: \"We will win.\"", "Anna Berg", SpeakerResolution.Name, "told")]
    [InlineData("According to Anna Berg, the plan is \"a clear win for everyone.\"", "Anna Berg", SpeakerResolution.Name, "according to")]
    [InlineData("The plan is \"a clear win for everyone,\" according to Anna Berg.", "Anna Berg", SpeakerResolution.Name, "according to")]
    [InlineData("Finance Minister Anna Berg said the plan was \"a clear win for everyone.\"", "Anna Berg", SpeakerResolution.Name, "said")]
    [InlineData("Carl Holm said Anna Berg had \"no idea what she was doing.\"", "Carl Holm", SpeakerResolution.Name, "said")]
    [InlineData("Carl Holm has repeatedly argued that the tax is \"a burden on families.\"", "Carl Holm", SpeakerResolution.Name, "argued")]
    [InlineData("Anna Berg backed the plan, adding that it was \"long overdue.\"", "Anna Berg", SpeakerResolution.Name, "adding")]
    [InlineData("Anna Berg called for \"a fresh start\" in the talks.", "Anna Berg", SpeakerResolution.Name, "called for")]
    [InlineData("The plan was described by Anna Berg as \"a clear win.\"", "Anna Berg", SpeakerResolution.Name, "described")]
    [InlineData("Anna Berg had something to say:\n\n\"We will win this fight in the end.\"", "Anna Berg", SpeakerResolution.Context, "say")]
    public void SpeakerNextToTheCue(string text, string speaker, SpeakerResolution resolution, string cue)
    {
        var quote = Single(text);
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(resolution, quote.Resolution);
        Assert.Equal(cue, quote.Cue);
    }

    [Theory]
    [InlineData("Olga Berg, a volunteer at the port, described the war as \"one very long bad day.\"", "Olga Berg")]
    [InlineData("The region's governor, Ivan Petrov, acknowledged that \"the situation is very difficult.\"", "Ivan Petrov")]
    [InlineData("\"We are ready,\" Ivan Petrov, the regional governor, told reporters.", "Ivan Petrov")]
    [InlineData("It's unclear what happened, but Ivan Petrov blamed the port and called it \"a disgrace to the city.\"", "Ivan Petrov")]
    [InlineData("Ivan Petrov said the talks had failed. \"We tried everything we could.\"", "Ivan Petrov")]
    public void AppositivesClausesAndReportedSpeechFindTheSpeaker(string text, string speaker) =>
        Assert.Equal(speaker, Single(text).Speaker);

    [Theory]
    [InlineData("A spokesman for the company said: \"We have no comment at this time.\"")]
    [InlineData("\"We have no comment at this time,\" one official said.")]
    [InlineData("Ivan Petrov met the mayor. \"We have no comment at this time,\" an aide said.")]
    public void DeliberatelyUnnamedSourcesStayUnnamed(string text) => Assert.Null(Single(text).Speaker);

    [Theory]
    [InlineData("said")]
    [InlineData("says")]
    [InlineData("added")]
    [InlineData("warned")]
    [InlineData("insisted")]
    [InlineData("acknowledged")]
    [InlineData("tweeted")]
    [InlineData("wrote")]
    [InlineData("noted")]
    [InlineData("stated")]
    public void CueVerbsAreRecognisedInTheirInflections(string cue)
    {
        var quote = Single($"\"We will win,\" Anna Berg {cue}.");
        Assert.Equal("Anna Berg", quote.Speaker);
        Assert.Equal(cue, quote.Cue);
    }

    [Theory]
    [InlineData("Anna Berg met the press on Monday. \"We will win,\" she said.", "Anna Berg")]
    [InlineData("Carl Holm criticised what he described as \"a reckless budget.\"", "Carl Holm")]
    [InlineData("The Harbour Authority rejected the plan. \"It is unsafe,\" it said.", "Harbour Authority")]
    [InlineData("The Port Workers Union met. They said the deal was \"an insult to every worker.\"", "Port Workers Union")]
    public void PronounsResolveToTheLatestCompatibleActor(string text, string speaker)
    {
        var quote = Single(text);
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(SpeakerResolution.Pronoun, quote.Resolution);
    }

    [Theory]
    [InlineData("Finance Minister Anna Berg arrived late. \"We will win,\" Berg said.", "Anna Berg", SpeakerResolution.Name)]
    [InlineData("Finance Minister Anna Berg arrived late. \"We will win,\" the finance minister said.", "Anna Berg", SpeakerResolution.Role)]
    [InlineData("Harbour spokesman Per Olsen arrived. \"We will win,\" the harbour spokesman said.", "Per Olsen", SpeakerResolution.Role)]
    [InlineData("The Green Party of Nordland voted no. \"This is a sad day,\" the party said in a statement.", "Green Party of Nordland", SpeakerResolution.Role)]
    public void SurnamesAndRolesResolveToTheFullName(string text, string speaker, SpeakerResolution resolution)
    {
        var quote = Single(text);
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(resolution, quote.Resolution);
    }

    [Theory]
    [InlineData("2024-03-01", "Stephane Sejourne")]
    [InlineData("2024-12-01", "Jean-Noel Barrot")]
    public void RolePhrasesResolveThroughTheActorCatalogOnTheArticlesDate(string date, string holder)
    {
        var article = Article.FromText("\"We will not be intimidated,\" the French foreign minister said.", published: DateOnly.Parse(date));
        var quote = Assert.Single(QuoteExtractor.Extract(article));
        Assert.Equal(holder, quote.Speaker);
        Assert.Equal(SpeakerResolution.Role, quote.Resolution);
    }

    [Theory]
    [InlineData("Moscow dismissed the claims as \"complete nonsense from start to end.\"", "Russia")]
    [InlineData("\"We will not be intimidated,\" Sergei Lavrov said.", "Sergey Lavrov")]
    public void CatalogSpellingsAndCityMetonymsGiveTheCanonicalSpeaker(string text, string speaker) =>
        Assert.Equal(speaker, Single(text).Speaker);

    [Fact]
    public void AQuoteOnlyParagraphAfterAQuoteContinuesItsSpeaker()
    {
        var quotes = QuoteExtractor.Extract(Article.FromText("\"We will win,\" Anna Berg said.\n\n\"Nobody can stop us now.\""));
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Anna Berg", quotes[1].Speaker);
        Assert.Equal(SpeakerResolution.Continuation, quotes[1].Resolution);
    }

    [Fact]
    public void AQuoteFollowedByAnAttributionParagraphTakesItsSpeaker()
    {
        var quote = Single("\"We will win this fight, whatever it costs us,\"\n\nAnna Berg said.");
        Assert.Equal("Anna Berg", quote.Speaker);
    }

    [Fact]
    public void ACaptionSpeaksForWhoeverPostedIt()
    {
        var quotes = QuoteExtractor.Extract(Article.FromText(
            "The Nordland Health Ministry posted a photo of the new clinic.\n\n\"A new era of care begins today,\" the caption read."));
        var quote = Assert.Single(quotes);
        Assert.Equal("Nordland Health Ministry", quote.Speaker);
        Assert.Equal(SpeakerResolution.Context, quote.Resolution);
    }

    [Theory]
    [InlineData("The new law bans \"any public display of the symbols of the old regime.\"")]
    [InlineData("Anna Berg arrived as the crowd chanted \"no more delays for our city\" outside.")]
    [InlineData("\"We will win,\" the banner proclaimed over the square.")]
    public void NobodyIdentifiableGivesANullSpeaker(string text)
    {
        var quote = Single(text);
        Assert.Null(quote.Speaker);
        Assert.Equal(SpeakerResolution.None, quote.Resolution);
    }

    [Fact]
    public void UsersCanAddCueVerbs()
    {
        const string text = "\"We will win,\" Anna Berg harrumphed.";
        Assert.Null(Single(text).Speaker);

        var path = Path.Combine(Path.GetTempPath(), $"cues-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "# my cues\nharrumph\n");
        try
        {
            var options = QuoteOptions.Default.WithCueVerbs(path);
            var quote = Assert.Single(QuoteExtractor.Extract(Article.FromText(text), options));
            Assert.Equal("Anna Berg", quote.Speaker);
            Assert.Equal("harrumphed", quote.Cue);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("say", new[] { "say", "said", "says", "saying" })]
    [InlineData("add", new[] { "add", "adds", "added", "adding" })]
    [InlineData("note", new[] { "note", "notes", "noted", "noting" })]
    [InlineData("deny", new[] { "deny", "denies", "denied", "denying" })]
    [InlineData("call for", new[] { "call for", "calls for", "called for", "calling for" })]
    public void CueLexiconInflectsBaseForms(string lemma, string[] forms)
    {
        var forms_ = CueLexicon.Default.Forms.ToHashSet();
        Assert.Contains(lemma, forms_);
        Assert.All(forms, f => Assert.Contains(f, forms_));
    }
}
