namespace NewsLens;

/// <summary>A short capitalised quote inside a reporter's sentence with no cue ("the 'Stacilo' alliance") names something: nobody's words, whatever the context.</summary>
/// <remarks>Other embedded quotes go on to the context sieves: on hand-checked news they are mostly words ("con artist") of the person quoted around them.</remarks>
internal sealed class EmbeddedQuote : AttributionSieve
{
    public override string Name => "embedded-quote";

    public override string Description => "a short capitalised quote embedded in a sentence without a cue (a name, a term): no speaker from the surrounding paragraphs";

    private const int MaxWords = 4;

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site) =>
        context.IsQuoteOnly(site.FrameIndex) || !char.IsUpper(site.Tokens[site.SpanToken].Text[0]) || Segmenter.CountWords(site.Tokens[site.SpanToken].Text) > MaxWords
            ? null
            : SieveResult.Stop;
}
