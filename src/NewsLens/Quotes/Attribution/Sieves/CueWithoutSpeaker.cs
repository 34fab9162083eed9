namespace NewsLens;

/// <summary>A quote with a cue whose speaker no sieve found is left unattributed rather than guessed from context.</summary>
internal sealed class CueWithoutSpeaker : AttributionSieve
{
    public override string Name => "cue-without-speaker";

    public override string Description => "a cue verb whose speaker was not found: nobody, and no guess from context";

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site) => site.Cue is null ? null : SieveResult.Stop;
}
