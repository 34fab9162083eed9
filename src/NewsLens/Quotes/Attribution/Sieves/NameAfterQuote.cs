namespace NewsLens;

/// <summary>"…," Yurii Sobolevskyi, deputy head of the council, told …: a name right after the quote, set off by commas before the cue.</summary>
internal sealed class NameAfterQuote : AttributionSieve
{
    public override string Name => "name-after-quote";

    public override string Description => "a name between commas right after the quote, before the cue verb";

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site)
    {
        var (tokens, qi, cueAt) = (site.Tokens, site.QuoteToken, site.CueAt);
        if (site.Cue is null || cueAt <= qi + 2 || tokens[qi + 1].Text != "," || !context.IsNameWord(tokens[qi + 2]))
            return null;
        var last = context.ExtendRight(tokens, qi + 2, cueAt);
        if (last + 1 >= cueAt || tokens[last + 1].Text != ",")
            return null;
        return new SieveResult(context.Resolve(context.NamePhrase(tokens, qi + 2, last), site.CueText, site.FrameIndex, 0.85));
    }
}
