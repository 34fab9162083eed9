namespace NewsLens.Tests.Sentiment;

public sealed class PythonTextTests
{
    [Theory]
    [InlineData(0.12345, 4, 0.1235)] // stored just above the tie: rounds up, as Python does
    [InlineData(2.675, 2, 2.67)] // stored just below the tie
    [InlineData(0.0625, 3, 0.062)] // an exact tie goes to the even digit
    [InlineData(0.0675, 3, 0.068)]
    [InlineData(-0.74245, 4, -0.7425)]
    [InlineData(0.83163, 4, 0.8316)]
    [InlineData(1.0, 3, 1.0)]
    public void RoundsLikePython(double value, int digits, double expected) =>
        Assert.Equal(expected, PythonText.Round(value, digits));

    [Theory]
    [InlineData("VADER", true)]
    [InlineData("I'M", true)]
    [InlineData(":D", true)]
    [InlineData(":)", false)]
    [InlineData("123", false)]
    [InlineData("Good", false)]
    [InlineData("\u00c9T\u00c9", true)]
    public void DetectsAllCapsLikePython(string word, bool expected)
    {
        Span<char> lower = stackalloc char[word.Length * 2];
        PythonText.ToLower(word, lower, out var isUpper);

        Assert.Equal(expected, isUpper);
    }

    [Theory]
    [InlineData("good!!!", "good")]
    [InlineData("\"(great)\"", "great")]
    [InlineData(":)", ":)")]
    [InlineData("--:-D", "--:-D")] // only "D" would remain: an emoticon, kept whole
    [InlineData("ok.", "ok.")] // two letters left: kept whole, as the reference does
    [InlineData("'n't'", "n't")]
    public void StripsPunctuationOnlyFromWords(string token, string expected) =>
        Assert.Equal(expected, PythonText.StripPunctuationIfWord(token).ToString());
}
