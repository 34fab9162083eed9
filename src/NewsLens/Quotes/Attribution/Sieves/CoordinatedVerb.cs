namespace NewsLens;

/// <summary>"X told reporters … and added": a cue coordinated with an earlier one shares its speaker.</summary>
internal sealed class CoordinatedVerb : CueSieve
{
    public override string Name => "coordinated-verb";

    public override string Description => "a cue after 'and' shares the speaker of the earlier cue or clause subject";

    internal override SieveResult? ApplyToCue(QuoteAttributor context, in CueSite cue)
    {
        var tokens = cue.Tokens;
        if (cue.CueAt - 1 < cue.Frame.First || !tokens[cue.CueAt - 1].IsWord || !tokens[cue.CueAt - 1].Is("and"))
            return null;
        var cueText = context.CueText(tokens, cue.CueAt, cue.Cue);
        if (context.LastCue(tokens, cue.Frame.First, cue.CueAt - 1) is { Entry: not null } earlier)
        {
            return context.SpeakerOfCue(tokens, cue.Frame, cue.FrameIndex, earlier.At, earlier.Entry, afterQuote: false) is { } shared
                ? new SieveResult(shared with { Cue = cueText })
                : SieveResult.Stop;
        }

        var clause = QuoteAttributor.ClauseStart(tokens, cue.Frame.First, cue.CueAt);
        return context.FirstSubject(tokens, clause, cue.CueAt) is { } main
            ? new SieveResult(context.Resolve(main, cueText, cue.FrameIndex, 0.75))
            : SieveResult.Stop;
    }
}
