namespace NewsLens.Tests.Text;

public class WordHashTests
{
    [Fact]
    public void HashIsFixedAndNeverZero()
    {
        // The same on every run and machine (tables built at start-up and per article rely on it), and 0 marks an empty slot.
        Assert.Equal(WordHash.Of("minister"), WordHash.Of("minister".AsSpan()));
        Assert.NotEqual(0UL, WordHash.Of(""));
        Assert.NotEqual(WordHash.Of("ab"), WordHash.Of("ba"));
        Assert.NotEqual(WordHash.Of("abcd"), WordHash.Of("abcd\0")); // the length counts, not only the characters
    }

    [Fact]
    public void HashedWordsFindTheirWordsAndNoStrangers()
    {
        var words = Enumerable.Range(0, 20_000).Select(i => "w" + i.ToString("x")).ToDictionary(w => w, w => w.Length);
        var table = new HashedWords<int>(words);
        foreach (var (word, length) in words)
        {
            Assert.True(table.TryGetValue(word, out var found));
            Assert.Equal(length, found);
        }

        var strangers = Enumerable.Range(0, 20_000).Select(i => "x" + i.ToString("x")).Concat(["", "w", "W0", "w0 "]);
        Assert.DoesNotContain(strangers, s => table.TryGetValue(s, out _));
    }

    [Fact]
    public void HashedWordsHoldReferences()
    {
        var table = new HashedWords<string>(new Dictionary<string, string> { ["kyiv"] = "Kyiv", ["paris"] = "Paris" });
        Assert.True(table.TryGetValue("paris".AsSpan(), out var city));
        Assert.Equal("Paris", city);
        Assert.False(table.TryGetValue("london", out city));
        Assert.Null(city);
    }
}
