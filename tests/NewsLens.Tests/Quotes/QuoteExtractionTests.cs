namespace NewsLens.Tests.Quotes;

/// <summary>Which spans are quotations: mark styles, apostrophes, nesting, unbalanced marks, paragraphs, exclusions.</summary>
public class QuoteExtractionTests
{
    private static IReadOnlyList<Quote> Extract(string text) => QuoteExtractor.Extract(Article.FromText(text));

    [Theory]
    [InlineData("\"We will build the bridge,\" the mayor said.")]
    [InlineData("“We will build the bridge,” the mayor said.")]
    [InlineData("‘We will build the bridge,’ the mayor said.")]
    [InlineData("'We will build the bridge,' the mayor said.")]
    [InlineData("«We will build the bridge,» the mayor said.")]
    [InlineData("« We will build the bridge, » the mayor said.")]
    [InlineData("„We will build the bridge,“ the mayor said.")]
    [InlineData("»We will build the bridge,« the mayor said.")]
    [InlineData("‘We will build the bridge,' the mayor said.")]
    [InlineData("”We will build the bridge,” the mayor said.")]
    public void EveryQuoteMarkStyleYieldsTheQuotedWords(string text)
    {
        var quote = Assert.Single(Extract(text));
        Assert.Equal("We will build the bridge,", quote.Text);
        Assert.Equal(QuoteKind.Full, quote.Kind);
    }

    [Theory]
    [InlineData("Kyiv's mayor visited Paris's old town on Monday.")]
    [InlineData("The Carters' house was sold in the '90s, the agent said.")]
    [InlineData("They played rock 'n' roll all night, the owner said.")]
    [InlineData("Don't say it's over, the coach's assistant said.")]
    [InlineData("The students' union met on Friday and the teachers’ union met in ’08.")]
    [InlineData("He is 6'2\" tall and weighs 90 kg, his trainer said.")]
    public void ApostrophesAreNotQuoteMarks(string text) => Assert.Empty(Extract(text));

    [Theory]
    [InlineData("'Kyiv's future is bright,' the mayor said.", "Kyiv's future is bright,")]
    [InlineData("'We loved the '90s,' she said.", "We loved the '90s,")]
    [InlineData("'Rock 'n' roll never dies,' he said.", "Rock 'n' roll never dies,")]
    [InlineData("‘The Carters’ house is not for sale,’ the agent said.", "The Carters’ house is not for sale,")]
    public void ApostrophesInsideASingleQuotedQuoteStayInside(string text, string expected) =>
        Assert.Equal(expected, Assert.Single(Extract(text)).Text);

    [Theory]
    [InlineData("\"He told me 'never again' and walked out,\" the clerk said.", "He told me 'never again' and walked out,")]
    [InlineData("'They call it 'our own' idea, which it is not,' the author said.", "They call it 'our own' idea, which it is not,")]
    [InlineData("“She wrote ‘no comment’ on the form,” the clerk said.", "She wrote ‘no comment’ on the form,")]
    [InlineData("« Il a dit “non” hier », the clerk said.", "Il a dit “non” hier")]
    public void NestedQuotesStayPartOfTheOuterQuote(string text, string expected) =>
        Assert.Equal(expected, Assert.Single(Extract(text)).Text);

    [Theory]
    [InlineData("The mayor said \"we will win and left.\n\nThe council met again. \"Nothing changed,\" the clerk said.", "Nothing changed,")]
    [InlineData("A stray ” mark here.\n\n\"Nothing changed,\" the clerk said.", "Nothing changed,")]
    [InlineData("Prices rose 'sharply and kept rising.\n\n\"Nothing changed,\" the clerk said.", "Nothing changed,")]
    [InlineData("\"Nothing changed,\" the clerk said, and then a stray \" appeared in the report about budgets.", "Nothing changed,")]
    public void UnbalancedMarksNeverSwallowTheText(string text, string expected)
    {
        var quotes = Extract(text);
        Assert.Contains(quotes, q => q.Text == expected);
        Assert.All(quotes, q => Assert.DoesNotContain("\n", q.Text));
    }

    [Fact]
    public void InterruptedQuoteGivesTwoQuotesWithTheSameSpeaker()
    {
        var quotes = Extract("Mayor Jonas Lind spoke at the harbour. \"We will win,\" he said, \"and nobody will stop us.\"");
        Assert.Equal(2, quotes.Count);
        Assert.Equal(["We will win,", "and nobody will stop us."], quotes.Select(q => q.Text));
        Assert.All(quotes, q => Assert.Equal("Jonas Lind", q.Speaker));
        Assert.All(quotes, q => Assert.Equal(QuoteKind.Full, q.Kind));
    }

    [Fact]
    public void AParagraphLeftOpenContinuesIntoTheNextQuotedParagraph()
    {
        var text = "Jonas Lind opened the meeting.\n\n\"We will build the bridge. It will take years.\n\n\"And it will be beautiful,\" Lind said.";
        var quotes = Extract(text);
        Assert.Equal(["We will build the bridge. It will take years.", "And it will be beautiful,"], quotes.Select(q => q.Text));
        Assert.All(quotes, q => Assert.Equal("Jonas Lind", q.Speaker));
        Assert.Equal(SpeakerResolution.Continuation, quotes[0].Resolution);
    }

    [Fact]
    public void AParagraphLeftOpenDoesNotContinueIntoAnOrdinaryParagraph()
    {
        var quotes = Extract("Jonas Lind said \"we will build it.\n\nThe council did not agree with the plan at all.");
        Assert.Empty(quotes);
    }

    [Theory]
    [InlineData("\"We will win,\" she said.", QuoteKind.Full)]
    [InlineData("She said: \"The plan is a dangerous gamble.\"", QuoteKind.Full)]
    [InlineData("She described the plan as \"a dangerous gamble\" for the city.", QuoteKind.Partial)]
    [InlineData("She said the plan was \"a dangerous gamble for the city.\"", QuoteKind.Partial)]
    [InlineData("\"A dangerous gamble\" is how she described the plan.", QuoteKind.Partial)]
    [InlineData("\"Nobody here supports the new tax plan\" in the city, she said.", QuoteKind.Full)]
    [InlineData("She left. \"The plan is a dangerous gamble.\"", QuoteKind.Full)]
    public void KindTellsFullClausesFromFragments(string text, QuoteKind expected) =>
        Assert.Equal(expected, Assert.Single(Extract(text)).Kind);

    [Theory]
    [InlineData("City 'whispers' about the new bridge\n\nThe council met on Monday to discuss the budget.")]
    [InlineData("The so-called \"bridge of dreams\" opened on Monday.")]
    [InlineData("She read the novel \"War and Peace\" twice last summer.")]
    [InlineData("The film \"A Long Night at the Station House\" won a prize in Berlin.")]
    [InlineData("The party is part of the 'Basta' ('Stop') alliance.")]
    [InlineData("Critics see the plan as a \"threat\" to the old town.")]
    [InlineData("The group was dubbed \"the gang of four\" by local papers.")]
    [InlineData("'Harbour Lights'\n\nThe council met on Monday to discuss the budget.")]
    public void LabelsTitlesHeadlinesAndScareQuotesAreNotQuotations(string text) => Assert.Empty(Extract(text));

    [Fact]
    public void OffsetsPointAtTheQuotedWordsAndTheirSentence()
    {
        var article = Article.FromText("The council met.\n\nIt was late. \"We will win,\" Jonas Lind said. Others left.");
        var quote = Assert.Single(QuoteExtractor.Extract(article));
        Assert.Equal(quote.Text, article.Text[quote.Start..quote.End]);
        var sentence = article.Sentences[quote.Sentence];
        Assert.True(sentence.Start <= quote.Start && quote.End <= sentence.End);
        Assert.Equal("text", quote.ArticleId);
    }

    [Fact]
    public void ALongerArticleExtractedBeforeLeavesNoTraceInTheNext()
    {
        // Token lists are reused from article to article on a thread: a longer text before must not show through.
        const string text = "“We will build the bridge,” the mayor said.\n\nShe added: “Work starts in May.”";
        var alone = Extract(text);
        Extract(string.Join("\n\n", Enumerable.Repeat("“The talks failed,” Lavrov told reporters in Geneva, “and nobody knows why.”", 40)));
        Assert.Equal(alone, Extract(text));
        Assert.Equal(2, alone.Count);
    }
}
