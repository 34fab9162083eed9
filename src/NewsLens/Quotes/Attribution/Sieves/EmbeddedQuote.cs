namespace NewsLens;

/// <summary>A quote inside a reporter's sentence with no cue is nobody's words as far as context goes (a title, a term, a scare quote).</summary>
internal sealed class EmbeddedQuote : AttributionSieve
{
    public override string Name => "embedded-quote";

    public override string Description => "a quote embedded in a sentence without a cue: no speaker from the surrounding paragraphs";

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site) =>
        context.IsQuoteOnly(site.FrameIndex) ? null : SieveResult.Stop;
}
