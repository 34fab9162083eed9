namespace NewsLens;

/// <summary>"X had something to say: “…”": the subject of the clause a colon ends.</summary>
internal sealed class ColonIntroduction : AttributionSieve
{
    public override string Name => "colon-introduction";

    public override string Description => "the subject of the clause that a colon right before the quote ends";

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site)
    {
        var qi = site.SpanToken;
        if (qi <= site.Frame.First || site.Tokens[qi - 1].Text != ":")
            return null;
        return context.FirstSubject(site.Tokens, site.Frame.First, qi - 1) is { } introducer
            ? new SieveResult(context.Resolve(introducer, null, site.FrameIndex, 0.8))
            : null;
    }
}
