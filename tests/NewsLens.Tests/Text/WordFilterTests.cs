namespace NewsLens.Tests.Text;

public class WordFilterTests
{
    [Fact]
    public void EveryWordOfTheSetPassesAndMostOthersDoNot()
    {
        var words = Enumerable.Range(0, 20_000).Select(i => "name" + i.ToString("x")).ToList();
        var filter = new WordFilter(words);
        Assert.All(words, w => Assert.True(filter.MayContain(w)));
        var strangers = Enumerable.Range(0, 20_000).Select(i => "word" + i.ToString("x")).Count(w => filter.MayContain(w));
        Assert.InRange(strangers, 0, 2_000); // about 32 bits per word: a few per cent of other words pass
    }

    [Fact]
    public void AFilterFilledWordByWordCanBeEmptiedForReuse()
    {
        var filter = new WordFilter(bitCount: 4096);
        filter.Add("Petrov");
        Assert.True(filter.MayContain("Petrov"));
        filter.Clear();
        Assert.False(filter.MayContain("Petrov"));
        Assert.False(filter.MayContain(""));
    }
}
