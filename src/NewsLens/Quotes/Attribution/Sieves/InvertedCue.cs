namespace NewsLens;

/// <summary>"…," said de Danne / "…," says poultry farmer James Mottershead: the speaker after a cue that follows the quote.</summary>
internal sealed class InvertedCue : CueSieve
{
    public override string Name => "inverted-cue";

    public override string Description => "verb then speaker right after the quote: \"…,\" said X";

    internal override SieveResult? ApplyToCue(QuoteAttributor context, in CueSite cue)
    {
        if (!cue.AfterQuote || cue.Cue.IsParticiple)
            return null;
        return context.PhraseAfter(cue.Tokens, cue.CueEnd, cue.Frame.End) is { Kind: not SpeakerPhraseKind.Document } inverted
            ? new SieveResult(context.Resolve(inverted, context.CueText(cue.Tokens, cue.CueAt, cue.Cue), cue.FrameIndex, 0.9))
            : null;
    }
}
