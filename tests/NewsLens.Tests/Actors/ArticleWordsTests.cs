namespace NewsLens.Tests.Actors;

public class ArticleWordsTests
{
    private sealed record Indexed(ArticleWords Words, string Text, List<Token> Tokens)
    {
        // The index of the first token spelled exactly so.
        public int At(string word) => Tokens.FindIndex(t => t.IsWord && Text[t.Start..t.End] == word);
    }

    private static Indexed Index(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var folded = ActorText.Fold(text).ToCharArray();
        return new Indexed(ArticleWords.Of(folded, tokens), text, tokens);
    }

    [Fact]
    public void KnowsWhichCapitalisedWordsTheArticleAlsoWritesInLowerCase()
    {
        var a = Index("Alan Bond sold his bonds. Bond said the Price was right. Bonds rose.");
        Assert.True(a.Words.WritesLowerCase(a.At("Bonds"))); // "bonds" earlier
        Assert.False(a.Words.WritesLowerCase(a.At("Bond"))); // only ever capitalised
        Assert.False(a.Words.WritesLowerCase(a.At("Price")));
        Assert.True(a.Words.WritesLowerCase(a.At("the"))); // a lower-case token answers for itself
    }

    [Fact]
    public void CountsCapitalisedWordsWrittenAfterNoCapitalisedWord()
    {
        // Alone: "Later" (after a full stop) and the "Petrov" after "said"; not the first token, nor a word after a capitalised one.
        var a = Index("Stilian Petrov scored. Later Petrov said Petrov Petrov was tired.");
        Assert.Equal(1, a.Words.TimesAlone("petrov"));
        Assert.Equal(1, a.Words.TimesAlone("later"));
        Assert.Equal(0, a.Words.TimesAlone("stilian"));
        Assert.Equal(0, a.Words.TimesAlone("scored"));
    }

    [Fact]
    public void ForgetsThePreviousArticle()
    {
        Index("the bonds rose as Bond said Bonds");
        var a = Index("Alan Bonds spoke. Bonds left.");
        Assert.False(a.Words.WritesLowerCase(a.At("Bonds")));
        Assert.Equal(1, a.Words.TimesAlone("bonds"));
    }

    [Fact]
    public void HandlesAnArticleLongerThanTheKeptTableAndShortOnesAfterIt()
    {
        // 100,000 distinct capitalised words, each also written in lower case once, then a short article.
        var text = string.Join(' ', Enumerable.Range(0, 100_000).Select(i => $"W{i:x} w{i:x}"));
        var a = Index(text);
        Assert.True(a.Words.WritesLowerCase(a.At("W0")));
        Assert.True(a.Words.WritesLowerCase(a.At("W1869f")));
        a = Index("A Short one, short");
        Assert.True(a.Words.WritesLowerCase(a.At("Short")));
        Assert.False(a.Words.WritesLowerCase(a.At("A")));
    }
}
