namespace NewsLens;

/// <summary>A quotation paragraph followed by a short paragraph that only attributes it ("Peskov said.").</summary>
internal sealed class NextParagraph : AttributionSieve
{
    public override string Name => "next-paragraph";

    public override string Description => "a quote ending its paragraph, attributed by a short cue sentence opening the next one";

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site)
    {
        if (site.Span.RunsOn || !context.IsLastFrameOfParagraph(site.FrameIndex))
            return null;
        return context.NextParagraphAttribution(site.Frame.Paragraph) is { } next ? new SieveResult(next) : null;
    }
}
