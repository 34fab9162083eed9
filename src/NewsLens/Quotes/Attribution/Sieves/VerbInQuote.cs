namespace NewsLens;

/// <summary>The minister "strongly condemned" the attack: a partial quote that carries its own verb takes the subject before it.</summary>
internal sealed class VerbInQuote : AttributionSieve
{
    public override string Name => "verb-in-quote";

    public override string Description => "a partial quote that opens with a cue verb takes the subject before it";

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site)
    {
        if (site.Kind != QuoteKind.Partial || context.StartsWithCue(site.Tokens[site.SpanToken].Text) is not { } innerCue)
            return null;
        return context.SubjectBefore(site.Tokens, site.Frame.First, site.SpanToken) is { } subject
            ? new SieveResult(context.Resolve(subject, innerCue, site.FrameIndex, 0.7))
            : null;
    }
}
