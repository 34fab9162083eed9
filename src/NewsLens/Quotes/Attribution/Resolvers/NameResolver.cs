namespace NewsLens;

internal sealed class NameResolver : SpeakerResolver
{
    public override string Name => "name";

    public override string Description => "a printed name; the article's own full name wins over the catalog, a bare surname takes the full name printed earlier";

    internal override SpeakerPhraseKind Kind => SpeakerPhraseKind.Name;

    internal override SpeakerAttribution Resolve(QuoteAttributor context, in SpeakerPhrase phrase, string? cue, int frame, double confidence) =>
        context.ResolveName(phrase, cue, confidence);
}
