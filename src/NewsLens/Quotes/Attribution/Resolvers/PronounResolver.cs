namespace NewsLens;

internal sealed class PronounResolver : SpeakerResolver
{
    public override string Name => "pronoun";

    public override string Description => "he, she, it, they: the subject of the last attribution, then the last subject of the right gender and number";

    internal override SpeakerPhraseKind Kind => SpeakerPhraseKind.Pronoun;

    internal override SpeakerAttribution Resolve(QuoteAttributor context, in SpeakerPhrase phrase, string? cue, int frame, double confidence) =>
        context.ResolvePronoun(phrase, cue, frame, confidence);
}
