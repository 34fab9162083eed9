namespace NewsLens;

/// <summary>"…" wrote the minister …: a cue right after a quote with the speaker following it.</summary>
internal sealed class CueAfterQuote : CueSieve
{
    public override string Name => "cue-after-quote";

    public override string Description => "the phrase after a cue that directly follows a quotation";

    internal override SieveResult? ApplyToCue(QuoteAttributor context, in CueSite cue)
    {
        var tokens = cue.Tokens;
        if (cue.CueAt <= cue.Frame.First || tokens[cue.CueAt - 1].Kind != SpanTokenKind.Span)
            return null;
        return context.PhraseAfter(tokens, cue.CueEnd, cue.Frame.End) is { } late
            ? new SieveResult(context.Resolve(late, context.CueText(tokens, cue.CueAt, cue.Cue), cue.FrameIndex, 0.85))
            : null;
    }
}
