namespace NewsLens;

/// <summary>"Lavrov said", "the ministry has repeatedly warned", "Kharkov Mayor Igor Terekhov, said": the subject right before the cue.</summary>
internal sealed class CueSubject : CueSieve
{
    public override string Name => "cue-subject";

    public override string Description => "the subject before the cue verb, over auxiliaries, adverbs and appositions";

    internal override SieveResult? ApplyToCue(QuoteAttributor context, in CueSite cue) =>
        context.SubjectBefore(cue.Tokens, cue.Frame.First, cue.CueAt) is { } subject
            ? new SieveResult(context.Resolve(subject, context.CueText(cue.Tokens, cue.CueAt, cue.Cue), cue.FrameIndex, 0.9))
            : null;
}
