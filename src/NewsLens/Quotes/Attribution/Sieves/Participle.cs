namespace NewsLens;

/// <summary>"…, adding that …": a participle after a comma shares its clause's subject.</summary>
internal sealed class Participle : CueSieve
{
    public override string Name => "participle";

    public override string Description => "a participle cue after a comma or the quote takes the subject of its clause";

    internal override SieveResult? ApplyToCue(QuoteAttributor context, in CueSite cue)
    {
        var tokens = cue.Tokens;
        if (!cue.Cue.IsParticiple)
            return null;
        var prevWord = cue.CueAt - 1 >= cue.Frame.First ? tokens[cue.CueAt - 1] : default;
        if (!(prevWord.Kind == SpanTokenKind.Punct || prevWord.Kind == SpanTokenKind.Span || cue.CueAt == cue.Frame.First))
            return null;
        var clause = QuoteAttributor.ClauseStart(tokens, cue.Frame.First, cue.CueAt);
        return context.FirstSubject(tokens, clause, cue.CueAt) is { } main
            ? new SieveResult(context.Resolve(main, context.CueText(tokens, cue.CueAt, cue.Cue), cue.FrameIndex, 0.8))
            : SieveResult.Stop;
    }
}
