namespace NewsLens;

/// <summary>A paragraph that is a quotation, after a paragraph ending in a colon ("The minister said:").</summary>
internal sealed class ParagraphColon : AttributionSieve
{
    public override string Name => "paragraph-colon";

    public override string Description => "a quote opening its paragraph after a paragraph that ends with a colon";

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site) =>
        context.FrameStartsParagraph(site.FrameIndex) ? SieveResult.From(context.PreviousParagraphEndsWithColon(site.Frame.Paragraph)) : null;
}
