namespace NewsLens;

internal sealed class DocumentResolver : SpeakerResolver
{
    public override string Name => "document";

    public override string Description => "the report, the ad, the letter: its issuer where the article names one, else nobody";

    internal override SpeakerPhraseKind Kind => SpeakerPhraseKind.Document;

    internal override SpeakerAttribution Resolve(QuoteAttributor context, in SpeakerPhrase phrase, string? cue, int frame, double confidence) =>
        context.ResolveDocument(phrase, cue, frame);
}
