namespace NewsLens.Tests.Statements;

/// <summary>The linking rules of <see cref="StatementLinker"/>, one behaviour per test, on invented quotes.</summary>
public class StatementLinkingTests
{
    private static readonly DateOnly Day = new(2024, 5, 6);

    private static LinkQuote Q(string article, int start, string text, string? speaker, int day = 0, string? context = null) =>
        new(article, start, start + text.Length, text, speaker, Day.AddDays(day), context);

    private static bool Linked(params LinkQuote[] quotes)
    {
        var ids = StatementLinker.Link(quotes);
        return ids.Distinct().Count() == 1;
    }

    [Theory]
    [InlineData("reckless gamble", "This plan is a reckless gamble with our savings.")]
    [InlineData("This plan is a reckless gamble", "This plan is a reckless gamble with our savings.")]
    [InlineData("this plan is a RECKLESS gamble...", "“This plan is a reckless gamble with our savings,”")]
    public void AFragmentJoinsTheFullQuoteOfTheSameSpeakerInTheArticle(string fragment, string full) =>
        Assert.True(Linked(Q("a", 10, fragment, "Anna Berg"), Q("a", 200, full, "Anna Berg")));

    [Fact]
    public void DifferentSpeakersUsingTheSameWordsAreDifferentStatements() =>
        Assert.False(Linked(Q("a", 10, "Enough is enough, we said it loud", "Anna Berg"), Q("b", 10, "Enough is enough, we said it loud", "Carl Holm")));

    [Fact]
    public void NameFormsOfOneSpeakerAgree() =>
        Assert.True(Linked(Q("a", 10, "The tax laws are unfair to workers", "Donald J. Trump"), Q("b", 10, "The tax laws are unfair to workers", "Donald Trump")));

    [Fact]
    public void AVerbatimSentenceInTwoOutletsIsOneStatementWhateverTheDates() =>
        Assert.True(Linked(Q("a", 10, "We will never surrender our sovereignty", "Anna Berg"), Q("b", 90, "We will never surrender our sovereignty.", "Anna Berg", day: 40)));

    [Fact]
    public void TranscriptionVariantsAreOneStatement() =>
        Assert.True(Linked(
            Q("a", 10, "I'll cut taxes for 2.6million families this year", "Anna Berg"),
            Q("b", 10, "I will cut taxes for 2.6 million families", "Anna Berg", day: 1)));

    [Fact]
    public void TwoTranslationsOfOneRemarkWithinDaysAreOneStatement()
    {
        var first = Q("a", 10, "We do not want to influence events in any way, but we reserve the right to talk to representatives of all political forces of the country, as our partners in the U.S. do", "Ivan Petrov");
        var second = Q("b", 50, "By no means have we wanted to influence current events. However, we reserve the right to speak to all the representatives of the country's political forces, just as our partners in the United States do", "Ivan Petrov", day: 2);
        Assert.True(Linked(first, second));
        Assert.False(Linked(first, second with { Date = Day.AddDays(60) })); // not the same occasion
        Assert.False(Linked(first, second with { Speaker = null }));        // a translation needs both speakers
    }

    [Fact]
    public void TwoQuotesOfOneArticleSharingTopicWordsButNotWordingAreTwoRemarks()
    {
        var first = Q("a", 10, "Let us start with the news on the debate: Mark Cuban sits in the front row and Gennifer Flowers was invited too, Mark Cuban said", "Chris Wallace");
        var second = Q("a", 900, "Do you see Mark Cuban in the front row and Gennifer Flowers invited to the debate as equivalent?", "Chris Wallace");
        Assert.False(Linked(first, second));
        Assert.True(StatementLinker.Link([first, second], new StatementOptions { TranslationsWithinArticle = true }).Distinct().Count() == 1);
    }

    [Theory]
    [InlineData("President Obama defended his refusal to use the words “Islamic terrorism” on Wednesday.")]
    [InlineData("Trump has used the phrase \"Islamic terrorism\" often in his campaign.")]
    public void ATermMentionedIsNotAnUtterance(string sentence) =>
        Assert.False(Linked(
            Q("a", 10, "Islamic terrorism", "Barack Obama", context: sentence),
            Q("a", 300, "Do I think that if somebody uses the phrase Islamic terrorism that it is a huge deal? No,", "Barack Obama")));

    [Fact]
    public void ConsecutiveHalvesSharingAClauseAreNotLinked() =>
        Assert.False(Linked(
            Q("a", 10, "This young officer, I don't know what she was thinking,", "Anna Berg"),
            Q("a", 90, "I don't know what she was thinking but I'm very, very troubled by that.", "Anna Berg")));

    [Fact]
    public void OneCommonWordInTwoArticlesIsNotOneStatement() =>
        Assert.False(Linked(Q("a", 10, "unstable", "Anna Berg", context: "Berg called the senator \"unstable\" on Monday."),
            Q("b", 10, "unstable", "Anna Berg", context: "She said the markets were \"unstable\" after the vote.")));

    [Fact]
    public void OneWordInTwoArticlesIsOneStatementWhenItsSentencesMakeTheSameClaim() =>
        Assert.True(Linked(
            Q("a", 10, "nonsense,", "Russia", context: "Moscow has dismissed claims that it intends to attack NATO countries as 'nonsense,' saying so."),
            Q("b", 10, "nonsense.", "Russia", context: "Moscow has dismissed claims that it intends to attack NATO as 'nonsense.'")));

    [Fact]
    public void AShortUnattributedFragmentDoesNotJoin() =>
        Assert.False(Linked(Q("a", 10, "fair", null), Q("a", 90, "I think the moderator will be very fair,", "Anna Berg")));

    [Fact]
    public void ALongUnattributedRenderingJoinsOnStrongText() =>
        Assert.True(Linked(
            Q("a", 10, "the unfairness of the tax laws is unbelievable and must end now", null),
            Q("b", 10, "The unfairness of the tax laws is unbelievable and must end now,", "Anna Berg")));

    [Fact]
    public void AnUnattributedBridgeNeverJoinsTwoSpeakers()
    {
        var ids = StatementLinker.Link([
            Q("a", 10, "the unfairness of the tax laws is unbelievable and must end now", "Anna Berg"),
            Q("b", 10, "the unfairness of the tax laws is unbelievable and must end now", null),
            Q("c", 10, "the unfairness of the tax laws is unbelievable and must end now", "Carl Holm"),
        ]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [Fact]
    public void AFragmentJoinsOnlyItsNearestContainer()
    {
        // "That" is in both sentences; as a fragment it must not bridge two different remarks.
        var ids = StatementLinker.Link([
            Q("a", 10, "big plans for the climate", "Anna Berg"),
            Q("a", 100, "We have big plans for the climate this year.", "Anna Berg"),
            Q("a", 400, "Our rivals also talk of big plans for the climate, but never act.", "Anna Berg"),
        ]);
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[1], ids[2]);
    }

    [Fact]
    public void TheResultDoesNotDependOnInputOrderOrThreads()
    {
        var quotes = new[]
        {
            Q("a", 10, "reckless gamble", "Anna Berg"), Q("a", 200, "This plan is a reckless gamble with our savings.", "Anna Berg"),
            Q("b", 30, "This plan is a reckless gamble with our savings", "Anna Berg", day: 1), Q("c", 5, "nothing to do with it", "Carl Holm"),
        };
        var ids = StatementLinker.Link(quotes);
        var reversed = StatementLinker.Link(quotes.Reverse().ToArray()).Reverse().ToArray();
        var oneThread = StatementLinker.Link(quotes, new StatementOptions { Threads = 1 });
        Assert.Equal(ids, reversed);
        Assert.Equal(ids, oneThread);
        Assert.Equal(ids[0], ids[2]);
        Assert.StartsWith("st-", ids[0], StringComparison.Ordinal);
    }

    [Fact]
    public void EveryThresholdIsAnOption() =>
        Assert.False(StatementLinker.Link([Q("a", 10, "reckless gamble", "Anna Berg"), Q("a", 200, "This plan is a reckless gamble with our savings.", "Anna Berg")],
            new StatementOptions { MinContentWords = 3, MinWordsWithoutContent = 10 }).Distinct().Count() == 1);

    [Theory]
    [InlineData("I'll cut taxes for 2.6million families", "i will cut taxes for 2.6 million families")]
    [InlineData("We don't, won't and can't [sic] stop", "we do not will not and can not stop")]
    [InlineData("The U.S. and the EU said so", "the US and the EU said so")]
    [InlineData("Kyiv's “Séjourné” plan: 40% more", "kyiv sejourne plan 40 % more")]
    [InlineData("DON'T forget", "do not forget")]
    public void WordsAreNormalisedFromTheSharedTokenizer(string text, string words) =>
        Assert.Equal(words, string.Join(' ', StatementText.Words(text)));

    [Fact]
    public void ManyCopiesAcrossArticlesLinkTheSameWhateverTheThreads()
    {
        // Enough quotes for the shingle and term indexes to matter: each remark carried by 30 outlets, some cut to a
        // fragment, some with a changed word, some full renderings without a speaker.
        var remarks = new[]
        {
            ("We will rebuild every bridge and every school in the region before winter comes", "Anna Berg"),
            ("The sanctions have failed and the ordinary families are paying the price for them", "Carl Holm"),
            ("Our army will defend the border villages with everything it has got this spring", "Anna Berg"),
        };
        var quotes = new List<LinkQuote>();
        for (var copy = 0; copy < 30; copy++)
        {
            for (var r = 0; r < remarks.Length; r++)
            {
                var (text, speaker) = remarks[r];
                var words = text.Split(' ');
                var rendering = (copy % 4) switch
                {
                    1 => string.Join(' ', words[2..9]),
                    2 => text.Replace(" every ", " each ", StringComparison.Ordinal).Replace(" ordinary ", " common ", StringComparison.Ordinal).Replace(" everything ", " all ", StringComparison.Ordinal),
                    _ => text,
                };
                quotes.Add(Q($"outlet{copy:00}", 10 + 200 * r, rendering, copy % 4 == 3 ? null : speaker, day: copy % 3));
            }
        }

        var ids = StatementLinker.Link(quotes, new StatementOptions { Threads = 2 });
        var oneThread = StatementLinker.Link(quotes, new StatementOptions { Threads = 1 });
        var shuffled = Enumerable.Range(0, quotes.Count).OrderBy(i => (i * 7919) % quotes.Count).ToArray();
        var reordered = StatementLinker.Link(shuffled.Select(i => quotes[i]).ToArray());
        Assert.Equal(ids, oneThread);
        for (var k = 0; k < shuffled.Length; k++)
            Assert.Equal(ids[shuffled[k]], reordered[k]);
        Assert.Equal(3, ids.Distinct().Count()); // one statement per remark, every rendering joined
        for (var i = 0; i < quotes.Count; i++)
            Assert.Equal(ids[i % 3], ids[i]);
    }
}
