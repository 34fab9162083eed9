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
    [InlineData("Rep. Ron Kind (D-Wis.) said so. Others agreed.", 2)]
    [InlineData("Sen. Rand Paul, R-Ky., said so. Others agreed.", 2)]
    [InlineData("Annapolis, Md. officials met. They agreed.", 2)]
    [InlineData("It was no. 3 in the list. Nobody cared.", 2)]
    [InlineData("He said “no.” Then he left.", 2)]
    [InlineData("His niece, state Del. Marcia Price, spoke. He left.", 2)]
    [InlineData("“It is made in the U.S.” The firm said so.", 2)]
    [InlineData("He thanked “Mr.” Smith. Nobody cared.", 2)]
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

    [Theory]
    [InlineData("“Keep savings in rubles!” Medvedev wrote. Nobody did.", 2)]
    [InlineData("“Why not?” Sen. Jane Doe asked. Nobody answered.", 2)]
    [InlineData("“Who knows?” Donald Trump said. Nobody answered.", 2)]
    [InlineData("“Stop!” The crowd roared.", 2)]
    [InlineData("“Stop!” He ran.", 2)]
    [InlineData("Stop! Medvedev wrote it.", 2)]
    [InlineData("“We will win.” Medvedev smiled.", 2)]
    public void AQuestionOrExclamationInQuotesGoesOnIntoANameAndItsVerb(string text, int expected) =>
        Assert.Equal(expected, Segmenter.Segment(text).Sentences.Count);
}
