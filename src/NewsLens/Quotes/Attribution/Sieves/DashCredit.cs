namespace NewsLens;

/// <summary>“We will win.” ― Jane Doe.: a name credited after a dash, closing the quote's sentence.</summary>
internal sealed class DashCredit : AttributionSieve
{
    public override string Name => "dash-credit";

    public override string Description => "a name after a dash that closes the quote's sentence (a credit line)";

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site)
    {
        var (tokens, qi) = (site.Tokens, site.SpanToken);
        // The credit may stand after the quote's sentence end, so look past the frame to the paragraph's end.
        var end = tokens.Count;
        var k = qi + 1;
        if (k < end && tokens[k].Kind == SpanTokenKind.Punct && tokens[k].Text is "—" or "–" or "-")
            k++;
        if (k >= end || !context.IsNameWord(tokens[k]) || !QuoteAttributor.IsDash(context.Article.Text.AsSpan(tokens[qi].End, tokens[k].Start - tokens[qi].End)))
            return null;
        var last = context.ExtendRight(tokens, k, end);
        // The credit is the whole rest of the sentence, or the name and an apposition after a comma.
        if (last + 1 < end && tokens[last + 1].Text is not ("." or ","))
            return null;
        return new SieveResult(context.Resolve(context.NamePhrase(tokens, k, last), null, site.FrameIndex, 0.85));
    }
}
