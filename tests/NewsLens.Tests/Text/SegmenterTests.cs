namespace NewsLens.Tests.Text;

public class SegmenterTests
{
    [Theory]
    [InlineData("Mr. Smith went home. He slept.", 2)]
    [InlineData("The U.S. Senate voted. Then it adjourned.", 2)]
    [InlineData("He left the U.S. The others stayed.", 2)]
    [InlineData("Growth was 3.5 percent. Prices rose.", 2)]
    [InlineData("J. K. Rowling wrote it. Readers loved it.", 2)]
    [InlineData("\"We will win.\" He smiled.", 2)]
    [InlineData("“Is it over?” she asked. Nobody answered.", 2)]
    [InlineData("Dr. No met Gen. Ivanov at 5 p.m. on Friday.", 1)]
    [InlineData("Wait! Really? Yes.", 3)]
    public void SplitsSentences(string text, int expected)
    {
        var segmented = Segmenter.Segment(text);
        Assert.Equal(expected, segmented.Sentences.Count);
    }

    [Fact]
    public void ClosingQuoteStaysWithItsSentence()
    {
        var segmented = Segmenter.Segment("“We will win.” He smiled.");
        var first = segmented.Sentences[0];
        Assert.Equal("“We will win.”", segmented.Text[first.Start..first.End]);
    }

    [Fact]
    public void ParagraphsAreSeparatedByBlankLinesAndSentencesKnowTheirParagraph()
    {
        var segmented = Segmenter.Segment("First one.\r\nStill first.\r\n\r\n\r\nSecond. Again.");
        Assert.Equal("First one. Still first.\n\nSecond. Again.", segmented.Text);
        Assert.Equal(2, segmented.Paragraphs.Count);
        Assert.Equal([0, 0, 1, 1], segmented.Sentences.Select(s => s.Paragraph));
        Assert.Equal(6, segmented.Words);
    }
}
