namespace NewsLens.Tests.Text;

public class TokenizerTests
{
    // The definition the block-at-a-time tokenizer must agree with: runs of word characters, one token per other
    // non-space character.
    private static List<Token> OneByOne(string text)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < text.Length;)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            if (Tokenizer.IsWordChar(text[i]))
            {
                while (i < text.Length && Tokenizer.IsWordChar(text[i]))
                    i++;
            }
            else
            {
                i++;
            }

            var word = Tokenizer.IsWordChar(text[start]);
            tokens.Add(new Token(start, i, word) { IsCapitalised = word && char.IsUpper(text[start]) });
        }

        return tokens;
    }

    [Fact]
    public void EveryCharacterIsClassifiedAsOneByOne()
    {
        // Each of the first 0x3000 characters at each position of a block, between letters, spaces and punctuation.
        for (var c = 0; c < 0x3000; c++)
        {
            var text = new string('a', 30) + " x" + (char)c + "y ." + new string((char)c, 40) + "Zz";
            Assert.Equal(OneByOne(text), Tokenizer.Tokenize(text));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomTextTokenizesAsOneByOne(int seed)
    {
        // Words across block boundaries, long words, combining marks, curly quotes and every kind of space.
        const string alphabet = "abcXYZ019 \t\n\r\u00a0\u2009.,;'’“”-—éöÅ\u0301\u0300ßİı😀";
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var chars = new char[random.Next(0, 400)];
            var run = random.Next(1, 90);
            for (var i = 0; i < chars.Length; i++)
                chars[i] = i % run < run - 2 && random.Next(4) > 0 ? 'q' : alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            Assert.Equal(OneByOne(text), Tokenizer.Tokenize(text));
        }
    }

    [Fact]
    public void TokensKnowTheirCapitalisation()
    {
        const string text = "Élysée said \"Nothing\" to 3M and the eBay board.";
        var capitalised = Tokenizer.Tokenize(text).Where(t => t.IsCapitalised).Select(t => text[t.Start..t.End]);
        Assert.Equal(["Élysée", "Nothing"], capitalised); // "3M" starts with a digit, "eBay" in lower case
    }
}
