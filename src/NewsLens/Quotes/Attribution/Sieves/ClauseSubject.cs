namespace NewsLens;

/// <summary>"Peskov, speaking to reporters on Monday, …": a participle cue mid-clause takes the clause's first subject.</summary>
internal sealed class ClauseSubject : CueSieve
{
    public override string Name => "clause-subject";

    public override string Description => "a participle cue inside a clause takes the clause's first subject";

    internal override SieveResult? ApplyToCue(QuoteAttributor context, in CueSite cue) =>
        cue.Cue.IsParticiple && context.FirstSubject(cue.Tokens, cue.Frame.First, cue.CueAt) is { } subject
            ? new SieveResult(context.Resolve(subject, context.CueText(cue.Tokens, cue.CueAt, cue.Cue), cue.FrameIndex, 0.7))
            : null;
}
