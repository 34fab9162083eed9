namespace NewsLens;

/// <summary>The unit within which two actors count as appearing together.</summary>
public enum CooccurrenceWindow
{
    Sentence,
    Paragraph,
    Article,
}

/// <summary>How strongly two actors are associated.</summary>
public enum AssociationMeasure
{
    /// <summary>Windows holding both.</summary>
    Count,

    /// <summary>Pointwise mutual information, log2(count·N / (a·b)).</summary>
    Pmi,

    /// <summary>PMI normalised to [-1, 1] by −log2(count/N); 1 when both appear in every window.</summary>
    Npmi,

    /// <summary>count / (a + b − count).</summary>
    Jaccard,

    /// <summary>Dunning's log-likelihood ratio G² of the 2×2 window table.</summary>
    G2,
}

/// <summary>Options for <see cref="Cooccurrence.Compute(IEnumerable{Article}, IEnumerable{Mention}, CooccurrenceOptions?)"/>.</summary>
public sealed record CooccurrenceOptions
{
    public CooccurrenceWindow Window { get; init; } = CooccurrenceWindow.Sentence;

    /// <summary>Keep pairs seen together in at least this many windows.</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>Only actors of these kinds take part (null: all kinds).</summary>
    public IReadOnlySet<ActorKind>? Kinds { get; init; }

    /// <summary>Orders the edges (descending) and picks the <see cref="Top"/> pairs.</summary>
    public AssociationMeasure Measure { get; init; } = AssociationMeasure.Npmi;

    /// <summary>Keep only the strongest N pairs by <see cref="Measure"/> (per period when sliced); null keeps all.</summary>
    public int? Top { get; init; }

    /// <summary>Counts separately per month, quarter or year of publication (undated articles form "undated"); null: one period.</summary>
    public TimeBucket? Period { get; init; }
}
