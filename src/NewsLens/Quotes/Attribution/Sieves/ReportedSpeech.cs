namespace NewsLens;

/// <summary>"X said the talks had failed. “We tried everything.”": a quote standing alone after reported speech.</summary>
internal sealed class ReportedSpeech : AttributionSieve
{
    public override string Name => "reported-speech";

    public override string Description => "a quote standing alone after a sentence of reported speech in the same paragraph takes its speaker";

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site)
    {
        var f = site.FrameIndex;
        return f > 0 && context.FrameParagraph(f - 1) == site.Frame.Paragraph ? SieveResult.From(context.ReportedSpeaker(f - 1)) : null;
    }
}
