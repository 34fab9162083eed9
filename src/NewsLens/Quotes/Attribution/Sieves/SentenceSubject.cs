namespace NewsLens;

/// <summary>
/// "Harry Reid has been pounding Trump as a “con artist”", "Aaron Kall compared Trump to a coach who is “working the
/// referees”": a quotation inside a sentence without a cue verb, after the sentence's subject, is that subject's words.
/// </summary>
internal sealed class SentenceSubject : AttributionSieve
{
    public override string Name => "sentence-subject";

    public override string Description => "a quote inside a sentence with no cue verb takes the sentence's subject when it is a person (a name or pronoun before it)";

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site)
    {
        if (site.Cue is not null || context.IsQuoteOnly(site.FrameIndex) || site.SpanToken <= site.Frame.First)
            return null;
        return context.FirstSubject(site.Tokens, site.Frame.First, site.SpanToken) is { Kind: SpeakerPhraseKind.Name or SpeakerPhraseKind.Pronoun } subject
               && subject.Last < site.SpanToken && !NamesADocument(context, site, subject.Last)
            ? SieveResult.From(context.Resolve(subject, null, site.FrameIndex, 0.6) is { Speaker: not null, Kind: SpeakerKind.Person } found ? found : null)
            : null;
    }

    // "Putin signed a law prohibiting “…”": the words quoted are the document's, not the subject's.
    private static bool NamesADocument(QuoteAttributor context, in QuoteSite site, int subjectLast)
    {
        for (var k = subjectLast + 1; k < site.SpanToken; k++)
        {
            if (site.Tokens[k].IsLower && context.Words.DocumentNouns.Contains(site.Tokens[k].Text))
                return true;
        }

        return false;
    }
}
