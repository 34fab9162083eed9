namespace NewsLens.Tests.Text;

/// <summary>One tokenizer, one abbreviation list, one sentence notion: sentences, quotes and actors agree on "Amb." and its kin.</summary>
public class TextLayerTests
{
    [Theory]
    [InlineData("Amb. Anna Berg arrived. She spoke.", 2)]
    [InlineData("Supt. Carl Holm and Det. Ivan Petrov left. Nobody stayed.", 2)]
    [InlineData("Martin Luther King Jr. spoke. Then he left.", 2)]
    [InlineData("He met Sen. Jane Doe on Friday.", 1)]
    public void TitleAbbreviationsNeverEndASentence(string text, int sentences) =>
        Assert.Equal(sentences, Segmenter.Segment(text).Sentences.Count);

    [Theory]
    [InlineData("Amb. Anna Berg", "Amb.")]
    [InlineData("U.S. officials", "U.S.")]
    [InlineData("J. Smith", "J.")]
    [InlineData("O'Brien said", "O'Brien")]
    [InlineData("Jean-Noel Barrot", "Jean-Noel")]
    [InlineData("Acme Inc. said", "Acme")]
    [InlineData("etc. and so", "etc")]
    public void CompoundWordsKeepTheirTitlePeriod(string text, string word) =>
        Assert.Equal(word, text[..Tokenizer.WordEnd(text, 0, text.Length)]);

    [Fact]
    public void WordCharactersAreTheSameForBothTokenizations()
    {
        const string text = "Kyiv’s mayor, Vitali Klitschko, said so.";
        var fine = Tokenizer.Tokenize(text).Where(t => t.IsWord).Select(t => text[t.Start..t.End]);
        Assert.Equal(["Kyiv", "s", "mayor", "Vitali", "Klitschko", "said", "so"], fine);
        Assert.Equal("Kyiv’s", text[..Tokenizer.WordEnd(text, 0, text.Length)]);
    }

    [Fact]
    public void AmbassadorAbbreviationIsATitleForQuotes()
    {
        var quote = Assert.Single(Article.FromText("“We will not give in,” said Amb. Anna Berg.", "t").Quotes());
        Assert.Equal("Anna Berg", quote.Speaker);
    }

    [Fact]
    public void AmbassadorAbbreviationIntroducesAPersonForActors()
    {
        var mentions = new ActorRecognizer().Recognize(Article.FromText("Talks went on, Amb. Anna Berg told the council.", "t"));
        var person = Assert.Single(mentions, m => m.Kind == ActorKind.Person);
        Assert.Equal("Anna Berg", person.Actor);
    }

    // Quote attribution's frames are the shared sentences, kept whole across a quotation that spans several of them.
    [Theory]
    [InlineData("He spoke. She left.", "He spoke.|She left.")]
    [InlineData("“We will win. They will lose,” he said. She left.", "“We will win. They will lose,” he said.|She left.")]
    [InlineData("“We will win.” He smiled.", "“We will win.”|He smiled.")]
    [InlineData("“Who knows?” Donald Trump said. She left.", "“Who knows?” Donald Trump said.|She left.")]
    [InlineData("Rep. Ron Kind (D-Wis.) said “no.” Then he left.", "Rep. Ron Kind (D-Wis.) said “no.”|Then he left.")]
    [InlineData("He said it; she denied it.", "He said it; she denied it.")]
    public void QuoteFramesAreSentencesWithQuotationsKeptWhole(string text, string expected)
    {
        var article = Article.FromText(text, "t");
        var spans = QuoteScanner.Scan(article.Text, article.Paragraphs);
        var opaque = spans.ConvertAll(static s => new OpaqueSpan(s.Open, s.OuterEnd, s.ContentStart, s.ContentEnd));
        var tokens = SpanTokenizer.Tokenize(article.Text, article.Paragraphs[0], opaque, 0);
        var frames = new List<TokenFrame>();
        var sentence = 0;
        SpanTokenizer.AddFrames(tokens, 0, article.Sentences, ref sentence, frames);
        var texts = frames.Select(f => article.Text[tokens[f.First].Start..tokens[f.End - 1].End]);
        Assert.Equal(expected, string.Join("|", texts));
        Assert.Equal(article.Sentences.Count, sentence);
    }
}
