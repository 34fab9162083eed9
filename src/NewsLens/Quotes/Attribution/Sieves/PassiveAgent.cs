namespace NewsLens;

/// <summary>"was described by X as …": the agent of a passive cue; a passive without one names nobody.</summary>
internal sealed class PassiveAgent : CueSieve
{
    public override string Name => "passive-agent";

    public override string Description => "the by-phrase of a passive cue: 'was called … by X'";

    internal override SieveResult? ApplyToCue(QuoteAttributor context, in CueSite cue)
    {
        var tokens = cue.Tokens;
        // "is describing as", "is telling a group that": a progressive is active, its subject speaks.
        if (cue.CueAt <= cue.Frame.First || tokens[cue.CueAt - 1].Text is not ("was" or "were" or "been" or "being" or "is" or "are") || cue.Cue.Lemma == "quote"
            || tokens[cue.CueAt].Text.EndsWith("ing", StringComparison.OrdinalIgnoreCase))
            return null;
        if (cue.CueEnd < cue.Frame.End && tokens[cue.CueEnd].Is("by") && context.PhraseAfter(tokens, cue.CueEnd + 1, cue.Frame.End) is { } agent)
            return new SieveResult(context.Resolve(agent, context.CueText(tokens, cue.CueAt, cue.Cue), cue.FrameIndex, 0.8));
        return SieveResult.Stop;
    }
}
