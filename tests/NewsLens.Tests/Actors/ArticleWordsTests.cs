namespace NewsLens.Tests.Actors;

public class ArticleWordsTests
{
    private static ArticleWords Index(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return ArticleWords.Of(text, ActorText.Fold(text), tokens);
    }

    [Fact]
    public void KnowsWhichWordsTheArticleWritesInLowerCase()
    {
        var words = Index("Alan Bond sold his bonds. Bond said the Price was right.");
        Assert.True(words.WritesLowerCase("bonds"));
        Assert.True(words.WritesLowerCase("the"));
        Assert.False(words.WritesLowerCase("bond")); // only ever capitalised
        Assert.False(words.WritesLowerCase("price"));
        Assert.False(words.WritesLowerCase("absent"));
    }

    [Fact]
    public void CountsCapitalisedWordsWrittenAfterNoCapitalisedWord()
    {
        // Alone: "Later" (after a full stop) and the "Petrov" after "said"; not the first token, nor a word after a capitalised one.
        var words = Index("Stilian Petrov scored. Later Petrov said Petrov Petrov was tired.");
        Assert.Equal(1, words.TimesAlone("petrov"));
        Assert.Equal(1, words.TimesAlone("later"));
        Assert.Equal(0, words.TimesAlone("stilian"));
        Assert.Equal(0, words.TimesAlone("scored"));
    }

    [Fact]
    public void ForgetsThePreviousArticle()
    {
        Index("the bonds rose as Bond said");
        var words = Index("Alan Bond spoke. Bond left.");
        Assert.False(words.WritesLowerCase("bonds"));
        Assert.False(words.WritesLowerCase("the"));
        Assert.Equal(1, words.TimesAlone("bond"));
    }

    [Fact]
    public void HandlesAnArticleLongerThanTheKeptTableAndShortOnesAfterIt()
    {
        // 100,000 distinct words, then a short article: the large table is given up, answers stay exact.
        var text = string.Join(' ', Enumerable.Range(0, 100_000).Select(i => "w" + i.ToString("x")));
        var words = Index(text);
        Assert.True(words.WritesLowerCase("w0"));
        Assert.True(words.WritesLowerCase("w1869f"));
        Assert.False(words.WritesLowerCase("w186a0"));
        words = Index("A short one");
        Assert.True(words.WritesLowerCase("short"));
        Assert.False(words.WritesLowerCase("w0"));
    }
}
