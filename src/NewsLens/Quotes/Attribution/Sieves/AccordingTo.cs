namespace NewsLens;

/// <summary>"according to X", "in the words of X": the phrase after a fixed cue.</summary>
internal sealed class AccordingTo : CueSieve
{
    public override string Name => "according-to";

    public override string Description => "the phrase after a fixed cue such as 'according to'";

    internal override SieveResult? ApplyToCue(QuoteAttributor context, in CueSite cue)
    {
        if (!cue.Cue.SpeakerFollows)
            return null;
        return context.PhraseAfter(cue.Tokens, cue.CueEnd, cue.Frame.End) is { } source
            ? new SieveResult(context.Resolve(source, context.CueText(cue.Tokens, cue.CueAt, cue.Cue), cue.FrameIndex, 0.9))
            : SieveResult.Stop;
    }
}
