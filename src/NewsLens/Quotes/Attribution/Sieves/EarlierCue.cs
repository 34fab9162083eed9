namespace NewsLens;

/// <summary>
/// "X forcefully told a woman who suggested that …: “…”": when the cue nearest before the quote has no findable
/// speaker (it sits in a relative clause), an earlier cue of the same sentence reports the quote.
/// </summary>
internal sealed class EarlierCue : AttributionSieve
{
    public override string Name => "earlier-cue";

    public override string Description => "an earlier cue of the sentence when the nearest one before the quote has no speaker";

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site)
    {
        if (site.Cue is null || site.CueAt > site.SpanToken)
            return null;
        var at = site.CueAt;
        for (var n = 0; n < 3; n++)
        {
            var (k, earlier) = context.LastCue(site.Tokens, site.Frame.First, at);
            if (earlier is null)
                return null;
            if (context.SpeakerOfCue(site.Tokens, site.Frame, site.FrameIndex, k, earlier, afterQuote: false) is { Speaker: not null } found)
                return new SieveResult(found with { Cue = context.CueText(site.Tokens, k, earlier) });
            at = k;
        }

        return null;
    }
}
