namespace NewsLens;

internal sealed class GroupResolver : SpeakerResolver
{
    public override string Name => "group";

    public override string Description => "NATO countries, U.S. intelligence agencies: the organisation the members speak for, else the group as written";

    internal override SpeakerPhraseKind Kind => SpeakerPhraseKind.Group;

    internal override SpeakerAttribution Resolve(QuoteAttributor context, in SpeakerPhrase phrase, string? cue, int frame, double confidence) =>
        context.ResolveGroup(phrase, cue, confidence);
}
