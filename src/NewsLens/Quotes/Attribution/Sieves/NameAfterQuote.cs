namespace NewsLens;

/// <summary>"…," Yurii Sobolevskyi, deputy head of the council, told …: a name right after the quote, set off by commas before the cue.</summary>
internal sealed class NameAfterQuote : AttributionSieve
{
    public override string Name => "name-after-quote";

    public override string Description => "a name between commas right after the quote, before the cue verb";

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site)
    {
        var (tokens, qi, cueAt) = (site.Tokens, site.SpanToken, site.CueAt);
        // The comma sits inside the quote marks (“…,” Name, …) or after them ("…", Name, …).
        var k = qi + 1 < tokens.Count && tokens[qi + 1].Text == "," ? qi + 2 : qi + 1;
        if (site.Cue is null || cueAt <= k + 1 || !context.IsNameWord(tokens[k]))
            return null;
        var last = context.ExtendRight(tokens, k, cueAt);
        if (last + 1 < cueAt && tokens[last + 1].Text == "(")
            last = SkipBrackets(tokens, last + 1, cueAt) - 1;
        if (last + 1 >= cueAt || tokens[last + 1].Text != ",")
            return null;
        return new SieveResult(context.Resolve(context.NamePhrase(tokens, k, context.ExtendRight(tokens, k, cueAt)), site.CueText, site.FrameIndex, 0.85));
    }

    // Index after the bracket closing the one at open ("(R-Ohio)"), or open when it does not close soon.
    private static int SkipBrackets(List<SpanToken> tokens, int open, int end)
    {
        for (var j = open + 1; j < end && j < open + 8; j++)
        {
            if (tokens[j].Text == ")")
                return j + 1;
        }

        return open;
    }
}
