namespace NewsLens;

/// <summary>A quote standing alone right after another quote (same paragraph, or opening the next) continues its speaker.</summary>
internal sealed class Continuation : AttributionSieve
{
    public override string Name => "continuation";

    public override string Description => "a quote standing alone right after another continues its speaker";

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site) => SieveResult.From(context.ContinuedSpeaker(site));
}
