namespace NewsLens;

/// <summary>Transcripts: "WALLACE: …", "Q: …", "MR. SMITH: …" label who speaks, before or inside the quote.</summary>
internal sealed class TranscriptLabel : AttributionSieve
{
    public override string Name => "transcript-label";

    public override string Description => "an upper-case speaker label and colon opening the quote or its paragraph";

    internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site)
    {
        var text = context.Article.Text;
        var paragraph = context.Article.Paragraphs[site.Span.Paragraph];
        // The label inside the quote ("“WALLACE: Let's start …”") or opening the paragraph before it ("PENCE: “…”").
        var label = QuoteAttributor.TranscriptLabelAt(text, site.Span.ContentStart, site.Span.ContentEnd)
            ?? (site.SpanToken >= 2 && site.Tokens[site.SpanToken - 1].Text == ":" ? QuoteAttributor.TranscriptLabelAt(text, paragraph.Start, site.Span.Open + 1) : null);
        if (label is null)
            return null;
        return new SieveResult(context.ResolveLabel(label, site.FrameIndex));
    }
}
