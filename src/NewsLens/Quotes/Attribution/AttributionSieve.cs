namespace NewsLens;

/// <summary>
/// One named rule of quote attribution's first stage: from a quotation to the phrase that names its speaker
/// ("the subject of the cue", "the name after the quote", "the next paragraph").
/// </summary>
/// <remarks>
/// Sieves run in the order of <see cref="AttributionRules.Sieves"/>; the first that answers decides, and its
/// <see cref="Name"/> becomes the quote's <see cref="Quote.Rule"/>. A sieve may also claim a quote for nobody
/// (a cue with no findable subject), which stops later sieves from guessing. The built-in sieves are in
/// <see cref="AttributionSieves"/>; <see cref="Create"/> makes one from a function.
/// </remarks>
public abstract class AttributionSieve
{
    /// <summary>Short stable name, e.g. <c>cue-subject</c>; the value of the <c>rule</c> column.</summary>
    public abstract string Name { get; }

    /// <summary>What the sieve looks for, for people reading a trace.</summary>
    public abstract string Description { get; }

    /// <summary>Null when the sieve does not apply; otherwise its answer (an attribution, or <see cref="SieveResult.Stop"/>).</summary>
    internal abstract SieveResult? Apply(QuoteAttributor context, in QuoteSite site);

    /// <summary>A sieve from a function: given the quote in its article, return the speaker's name, or null to pass.</summary>
    public static AttributionSieve Create(string name, Func<QuoteCandidate, string?> findSpeaker, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(findSpeaker);
        return new FunctionSieve(name, description ?? "user rule", findSpeaker);
    }

    public override string ToString() => Name;

    private sealed class FunctionSieve(string name, string description, Func<QuoteCandidate, string?> find) : AttributionSieve
    {
        public override string Name => name;

        public override string Description => description;

        internal override SieveResult? Apply(QuoteAttributor context, in QuoteSite site)
        {
            var paragraph = context.Article.Paragraphs[site.Span.Paragraph];
            var candidate = new QuoteCandidate(context.Article, context.Article.Text[site.Span.ContentStart..site.Span.ContentEnd],
                site.Span.ContentStart, site.Span.ContentEnd, context.Article.Text[paragraph.Start..paragraph.End]);
            return find(candidate) is { } speaker
                ? new SieveResult(new SpeakerAttribution(speaker, speaker, SpeakerResolution.Name, site.CueText, 0.8, SpeakerKind.Unknown))
                : null;
        }
    }
}

/// <summary>A quotation as a user-written sieve sees it: its article, words, offsets and paragraph.</summary>
public sealed record QuoteCandidate(Article Article, string Text, int Start, int End, string Paragraph);

/// <summary>What one sieve said about one quote, as recorded in a trace.</summary>
/// <param name="Rule">The sieve's name.</param>
/// <param name="Speaker">The speaker it gave; null when it claimed the quote for nobody.</param>
/// <param name="Mention">The words it took for the speaker.</param>
/// <param name="Decided">True for the first answering sieve, whose answer the quote carries.</param>
public sealed record SieveAnswer(string Rule, string? Speaker, string? Mention, bool Decided);

/// <summary>A quotation with every sieve's answer, in sieve order (sieves that did not apply are left out).</summary>
public sealed record QuoteTrace(Quote Quote, IReadOnlyList<SieveAnswer> Answers);

/// <summary>A sieve's answer: an attribution, or null for "this quote is claimed and has no speaker".</summary>
internal readonly record struct SieveResult(SpeakerAttribution? Attribution)
{
    public static SieveResult Stop => new(null);

    public static SieveResult? From(SpeakerAttribution? attribution) => attribution is null ? null : new SieveResult(attribution);
}

/// <summary>The quotation being attributed, located in the article's token frames, with the cue chosen for it.</summary>
internal readonly record struct QuoteSite(
    int Quote, QuoteSpan Span, List<SpanToken> Tokens, TokenFrame Frame, int FrameIndex, int SpanToken, QuoteKind Kind,
    int CueAt, CueEntry? Cue, string? CueText);

/// <summary>A cue verb in a frame, the unit the cue sieves work on (also outside quotations, for context).</summary>
internal readonly record struct CueSite(List<SpanToken> Tokens, TokenFrame Frame, int FrameIndex, int CueAt, CueEntry Cue, bool AfterQuote)
{
    public int CueEnd => CueAt + Cue.Words.Length;
}

/// <summary>A sieve about the grammar around a cue verb; it also serves context look-ups (pronoun antecedents, colon introductions).</summary>
internal abstract class CueSieve : AttributionSieve
{
    internal sealed override SieveResult? Apply(QuoteAttributor context, in QuoteSite site)
    {
        if (site.Cue is null)
            return null;
        var afterQuote = site.CueAt > site.SpanToken && QuoteAttributor.OnlyPunctuationBetween(site.Tokens, site.SpanToken, site.CueAt);
        return ApplyToCue(context, new CueSite(site.Tokens, site.Frame, site.FrameIndex, site.CueAt, site.Cue, afterQuote));
    }

    internal abstract SieveResult? ApplyToCue(QuoteAttributor context, in CueSite cue);
}
