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
    [InlineData("“This is a waste of time,” said Del. Dora Quill of the Virgin Islands.", "Dora Quill")]
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
    // A name inside a prepositional phrase is not the subject: the subject of the verb before the phrase is.
    [InlineData("Tad Morrow took to Twitter overnight to accuse the mayor of being “duped” by a rival.", "Tad Morrow")]
    // A progressive is active, not passive: its subject speaks.
    [InlineData("Dora Quill is describing as “unhinged” a rival's late-night post.", "Dora Quill")]
    [InlineData("Tad Morrow is telling a veterans group that the army is “depleted” and must grow.", "Tad Morrow")]
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
    [InlineData("Senator Ida Krall has been pounding the mayor as a “career con artist” for months.", "Ida Krall")]
    [InlineData("Professor Oren Falk compared the governor to a coach who is “working the referees” before a game.", "Oren Falk")]
    public void SentenceSubject(string text, string speaker) => Decides(text, speaker, "sentence-subject");

    [Theory]
    [InlineData("In 2021 President Ivo Rask signed a law prohibiting “the denial of history” in schools.")]
    public void QuotedDocumentsAreNotTheirSignersWords(string text) => Assert.Null(LastQuote(text).Speaker);

    [Theory]
    [InlineData("“We will appeal,” said Corin Blake. “The ruling ignores the evidence.”", "Corin Blake")]
    public void Continuation(string text, string speaker) => Decides(text, speaker, "continuation");

    [Theory]
    [InlineData("Carl Lavrov runs a bakery in Ohio. “Business is slow,” Lavrov said.", "Carl Lavrov")]
    [InlineData("Mr. Tobias King spoke first. “It was a shock to me,” Mr. King said.", "Tobias King")]
    public void PrintedNamesAndSurnames(string text, string speaker) => Assert.Equal(speaker, LastQuote(text).Speaker);

    [Theory]
    // The person of that surname named first is the one a bare surname means; the others are named in full.
    [InlineData("Senator Tad Morrow spoke on Friday.\n\nCritics attacked his wife, Heidi Morrow, last year.\n\n“We will win,” Morrow said.", "Tad Morrow")]
    // Unless another was just introduced as the subject of a sentence.
    [InlineData("Gary Vale ran for governor in 2012.\n\nHomeland Security Secretary Jeb Vale says hackers are busy.\n\n“We are watching,” Vale said.", "Jeb Vale")]
    // An honorific's gender rules out a person of the other sex.
    [InlineData("Michelle Roan spoke at the rally.\n\n“It was a great day,” Mr. Roan said.", "Roan")]
    [InlineData("Pastor Luis Ortega Rubio spoke first. “We pray for peace,” Rubio said.", "Luis Ortega Rubio")]
    public void BareSurnamesGoToThePersonAlreadyNamed(string text, string speaker) => Assert.Equal(speaker, LastQuote(text).Speaker);

    [Theory]
    [InlineData("“We have no comment,” said a spokesman for Delmont Energy.", "Delmont Energy")]
    [InlineData("A spokeswoman for Delmont Energy said the plant was “safe and well run.”", "Delmont Energy")]
    [InlineData("A Delmont Energy spokeswoman said the plant was “safe and well run.”", "Delmont Energy")]
    [InlineData("Tad Morrow's campaign said on Friday that the ad was “a lie.”", "Morrow campaign")]
    [InlineData("A spokeswoman for the Morrow campaign said the ad was “a lie.”", "Morrow campaign")]
    [InlineData("A Delmont Energy report said prices were “far too high.”", "Delmont Energy")]
    [InlineData("Delmont Energy published a report on Monday.\n\nThe report said prices were “far too high.”", "Delmont Energy")]
    public void SpokespeopleAndDocumentsSpeakForTheirOrganisation(string text, string speaker) => Assert.Equal(speaker, LastQuote(text).Speaker);

    [Theory]
    [InlineData("Arlo Quince said the vote was close.\n\nHe said he would not concede.\n\nHe said, “We have some big plans for the final month.”", "Arlo Quince")]
    [InlineData("Secretary General Ban Tolk condemned the test.\n\n“I count on the council to act,” he told reporters.", "Ban Tolk")]
    // Titles alone are nobody's surname, though a later name ends in the same word.
    [InlineData("Tad Morrow says he has big plans.\n\nThe Republican presidential nominee noted that his campaign had money. He said he plans to spend it.\n\nHe said, “We have some big plans.”\n\nMorrow spoke at the Kent County Republican headquarters.", "Tad Morrow")]
    public void PronounsFollowTheChainOfSubjects(string text, string speaker) => Assert.Equal(speaker, LastQuote(text).Speaker);

    [Theory]
    [InlineData("Hal Dunmore, president of the United Federation of Builders, which represents 9,000 workers, said the deal was “a good start.”", "Hal Dunmore")]
    [InlineData("Johnnie Welk, of Springfield, Va., said the museum was “long overdue.”", "Johnnie Welk")]
    [InlineData("With 50 days to go, Minna Sorel, a senior adviser to the campaign, called the speech “a true wake-up call.”", "Minna Sorel")]
    [InlineData("“The river is rising,” said 9/11 widow Terry Strand.", "Terry Strand")]
    [InlineData("Senator Dora Quill, Democrat of Ohio, said the bill was “a lawful way to pay.”", "Dora Quill")]
    [InlineData("Democrat Dora Quill said the bill was “a lawful way to pay.”", "Dora Quill")]
    public void AppositionsAndTitlesAroundNames(string text, string speaker) => Assert.Equal(speaker, LastQuote(text).Speaker);

    [Theory]
    // A common word capitalised at a sentence start or after a title is not the name's first part.
    [InlineData("Rival Dora Quill had mocked the complaint, saying it was “a bad night.”", "Dora Quill")]
    [InlineData("Activist Dora Quill called the plan “a betrayal.”", "Dora Quill")]
    [InlineData("Tad Morrow attacked former Miss Universe Dora Quill. “She is a disgrace,” Quill said.", "Dora Quill")]
    // Unless a longer actor starts with it.
    [InlineData("The New York Times said the plan was “a betrayal.”", "The New York Times")]
    // A heading in capitals glued to the sentence after it names nobody.
    [InlineData("Ada Pell wrote a book.\n\nTHE BORROWING Back when he wrote his book, Mr. Tobias King said that debt was bad. “It is not realistic,” he said.", "Tobias King")]
    // A nickname inside a name: a one-word one is the given name the person goes by, a longer one is left out.
    [InlineData("Rep. Robert C. \"Bobby\" Quill spoke first. “We will win,” Quill said.", "Bobby Quill")]
    [InlineData("Wrestler Dwayne “The Rock” Quill said the match was “a disgrace.”", "Dwayne Quill")]
    public void WordsAroundANameAreNotPartOfIt(string text, string speaker) => Assert.Equal(speaker, LastQuote(text).Speaker);

    [Theory]
    // A description refers back to the person the last sentences were about, not to the last person quoted.
    [InlineData("Ada Pell said it was “a mistake.”\n\nTobias King, appearing after Pell, cited problems abroad.\n\n“We need change,” the Ohio businessman said.", "Tobias King")]
    [InlineData("Tobias King spoke for an hour.\n\n“We need change,” the former governor said.", "Tobias King")]
    public void DescriptionsReferToTheRecentSubject(string text, string speaker) => Decides(text, speaker, "cue-subject");

    [Theory]
    [InlineData("Peter Grange met Julia Pike on Monday. “We agreed on nothing,” she said.", "Julia Pike")]
    [InlineData("Julia Pike met Peter Grange on Monday. “We agreed on nothing,” he said.", "Peter Grange")]
    public void PronounsTakeGenderFromFirstNames(string text, string speaker) => Assert.Equal(speaker, LastQuote(text).Speaker);

    [Theory]
    [InlineData("He appeared on “Morning Report” on Sunday.")]
    [InlineData("She called it “Face the Nation” instead.")]
    [InlineData("The post ended with “783499116076687360”.")]
    [InlineData("He called in to his \"Keepin' It Real\" radio program on Sunday.")]
    [InlineData("Scott's niece, state Del. Marcia \"Cia\" Price, spoke first.")]
    [InlineData("Wrestler Dwayne “The Rock” Johnson arrived late.")]
    [InlineData("<tweet author=\"carlquintanilla\" timestamp=\"1474387200\">The blue arrow is Warren.</tweet>")]
    public void TitlesNicknamesAndMarkupAreNotQuotations(string text) =>
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
