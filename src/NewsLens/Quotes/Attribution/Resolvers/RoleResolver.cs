namespace NewsLens;

internal sealed class RoleResolver : SpeakerResolver
{
    public override string Name => "role";

    public override string Description => "the senator, the Kremlin spokesman: the holder named in the article, else the catalog's holder on the article's date";

    internal override SpeakerPhraseKind Kind => SpeakerPhraseKind.Role;

    internal override SpeakerAttribution Resolve(QuoteAttributor context, in SpeakerPhrase phrase, string? cue, int frame, double confidence) =>
        context.ResolveRole(phrase, cue, confidence);
}
