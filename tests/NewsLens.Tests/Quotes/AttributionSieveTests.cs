namespace NewsLens.Tests.Quotes;

/// <summary>
/// One table per attribution sieve and resolver: a short invented news text, the speaker of its last quotation
/// and the rule that must decide it. Names are made up, so the catalog cannot help.
/// </summary>
public class AttributionSieveTests
{
    private static Quote LastQuote(string text)
    {
        var quotes = QuoteExtractor.Extract(Article.FromText(text));
        Assert.NotEmpty(quotes);
        return quotes[^1];
    }

    private static void Decides(string text, string? speaker, string rule)
    {
        var quote = LastQuote(text);
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(rule, quote.Rule);
    }

    [Theory]
    [InlineData("Senator Tom Pellow spoke on Sunday.\n\n\"PELLOW: We will not give up on this bill,\" he told the host.", "Tom Pellow")]
    [InlineData("The interview with Ann Varga ran on Monday.\n\n\"VARGA: Nobody asked me about the budget.\"", "Ann Varga")]
    public void TranscriptLabel(string text, string speaker) => Decides(text, speaker, "transcript-label");

    [Theory]
    [InlineData("“The plan is dead,” Ruth Abernathy, a council member from the north ward, said on Monday.", "Ruth Abernathy")]
    [InlineData("“We need more time,” Oskar Lindqvist, the union's treasurer, told reporters.", "Oskar Lindqvist")]
    [InlineData("“The veto will be overridden,” Senate Majority Leader Hal Brandt, R-Ky., said Tuesday.", "Hal Brandt")]
    public void NameAfterQuote(string text, string speaker) => Decides(text, speaker, "name-after-quote");

    [Theory]
    [InlineData("“Maybe we can build a bridge instead.” ― Dora Quill.", "Dora Quill")]
    [InlineData("“Nobody listens to us.” — Tariq Benn, teacher.", "Tariq Benn")]
    public void DashCredit(string text, string speaker) => Decides(text, speaker, "dash-credit");

    [Theory]
    [InlineData("The deal was “a disaster for farmers,” according to Imelda Rusk.", "Imelda Rusk")]
    public void AccordingTo(string text, string speaker) => Decides(text, speaker, "according-to");

    [Theory]
    [InlineData("“The river is rising fast,” said Hollis Grange.", "Hollis Grange")]
    [InlineData("“It was a fair vote,” said Rep. Nora Vance (D-Ore.).", "Nora Vance")]
    [InlineData("“I thought he did well,” said Fox News host Bram Keller.", "Bram Keller")]
    [InlineData("“To be frank, the city will change,” said the Rev. Amos Tilden, of First Street Church.", "Amos Tilden")]
    public void InvertedCue(string text, string speaker) => Decides(text, speaker, "inverted-cue");

    [Theory]
    [InlineData("The bill was described by Wendell Ashby as “a gift to landlords.”", "Wendell Ashby")]
    public void PassiveAgent(string text, string speaker) => Decides(text, speaker, "passive-agent");

    [Theory]
    [InlineData("Greta Holm criticised the plan on Monday, adding that it was “a waste of money.”", "Greta Holm")]
    public void Participle(string text, string speaker) => Decides(text, speaker, "participle");

    [Theory]
    [InlineData("Lars Ekdahl told reporters the plan was late and added that it was “a good start.”", "Lars Ekdahl")]
    public void CoordinatedVerb(string text, string speaker) => Decides(text, speaker, "coordinated-verb");

    [Theory]
    [InlineData("Mina Castell said the vote was “a turning point.”", "Mina Castell")]
    [InlineData("“It’s a dog whistle,” Rep. Nora Vance (D-Ore.) said Friday.", "Nora Vance")]
    [InlineData("Leonard Okafor, director of the centrist Budget Policy Center and a professor at the State University law school, said the plan “does not add up.”", "Leonard Okafor")]
    public void CueSubject(string text, string speaker) => Decides(text, speaker, "cue-subject");

    [Theory]
    [InlineData("Yara Mendel forcefully told a student who suggested that voting was pointless that “this is not the first generation to be frustrated.”", "Yara Mendel")]
    public void EarlierCue(string text, string speaker) => Decides(text, speaker, "earlier-cue");

    [Theory]
    [InlineData("Petra Sollo was blunt: “Come and debate me.”", "Petra Sollo")]
    public void ColonIntroduction(string text, string speaker) => Decides(text, speaker, "colon-introduction");

    [Theory]
    [InlineData("Ivo Marsh said the talks had failed. “We tried everything.”", "Ivo Marsh")]
    public void ReportedSpeech(string text, string speaker) => Decides(text, speaker, "reported-speech");

    [Theory]
    [InlineData("Councillor Berit Alm wrote to the board:\n\n“The budget cannot pass in this form.”", "Berit Alm")]
    public void ParagraphColon(string text, string speaker) => Decides(text, speaker, "paragraph-colon");

    [Theory]
    [InlineData("“We will appeal,” said Corin Blake. “The ruling ignores the evidence.”", "Corin Blake")]
    public void Continuation(string text, string speaker) => Decides(text, speaker, "continuation");

    [Theory]
    [InlineData("Carl Lavrov runs a bakery in Ohio. “Business is slow,” Lavrov said.", "Carl Lavrov")]
    [InlineData("Mr. Tobias King spoke first. “It was a shock to me,” Mr. King said.", "Tobias King")]
    public void PrintedNamesAndSurnames(string text, string speaker) => Assert.Equal(speaker, LastQuote(text).Speaker);

    [Theory]
    [InlineData("Peter Grange met Julia Pike on Monday. “We agreed on nothing,” she said.", "Julia Pike")]
    [InlineData("Julia Pike met Peter Grange on Monday. “We agreed on nothing,” he said.", "Peter Grange")]
    public void PronounsTakeGenderFromFirstNames(string text, string speaker) => Assert.Equal(speaker, LastQuote(text).Speaker);

    [Theory]
    [InlineData("He appeared on “Morning Report” on Sunday.")]
    [InlineData("She called it “Face the Nation” instead.")]
    [InlineData("The post ended with “783499116076687360”.")]
    public void TitlesAndMarkupAreNotQuotations(string text) =>
        Assert.Empty(QuoteExtractor.Extract(Article.FromText(text)));

    [Fact]
    public void EveryQuoteRecordsItsRuleAndTheTraceHasEverySievesAnswer()
    {
        var article = Article.FromText("“The river is rising fast,” said Hollis Grange. “Leave now.”");
        var traces = QuoteExtractor.Trace(article);
        Assert.Equal(2, traces.Count);
        Assert.Equal("inverted-cue", traces[0].Quote.Rule);
        Assert.Contains(traces[0].Answers, a => a.Decided && a.Rule == "inverted-cue" && a.Speaker == "Hollis Grange");
        Assert.Single(traces[0].Answers, a => a.Decided);
        Assert.Equal("continuation", traces[1].Quote.Rule);
    }

    [Fact]
    public void RulesAreAnEditableOrderedList()
    {
        var without = AttributionRules.Default.Without("inverted-cue");
        Assert.DoesNotContain("inverted-cue", without.Names);
        var text = Article.FromText("“The river is rising fast,” said Hollis Grange.");
        Assert.NotEqual("inverted-cue", QuoteExtractor.Extract(text, QuoteOptions.Default with { Rules = without })[0].Rule);

        var mine = AttributionSieve.Create("always-the-mayor", _ => "The Mayor");
        var first = AttributionRules.Default.Insert(0, mine);
        var quote = QuoteExtractor.Extract(text, QuoteOptions.Default with { Rules = first })[0];
        Assert.Equal(("The Mayor", "always-the-mayor"), (quote.Speaker, quote.Rule));
        Assert.Throws<ArgumentException>(() => AttributionRules.Default.Without("no-such-rule"));
    }

    [Fact]
    public void ConfidenceComesFromTheRuleTable()
    {
        var quote = LastQuote("“The river is rising fast,” said Hollis Grange.");
        Assert.Equal(RuleConfidence.Default.Entries["inverted-cue/name"], quote.Confidence);
        Assert.Throws<FormatException>(() => RuleConfidence.Parse("cue-subject high"));
    }
}
