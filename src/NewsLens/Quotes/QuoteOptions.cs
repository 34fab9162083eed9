namespace NewsLens;

/// <summary>Settings of quotation extraction; the defaults use the shipped cue verbs and word lists.</summary>
public sealed record QuoteOptions
{
    private static readonly Lazy<ActorRecognizer> DefaultActors = new(() => new ActorRecognizer());

    public static QuoteOptions Default { get; } = new();

    /// <summary>Reporting verbs and phrases; extend with <c>Cues = CueLexicon.Default.Merge(CueLexicon.Load(path))</c>.</summary>
    public CueLexicon Cues { get; init; } = CueLexicon.Default;

    /// <summary>Titles, role and organisation nouns, label markers.</summary>
    public QuoteWords Words { get; init; } = QuoteWords.Default;

    /// <summary>
    /// Recognises actors for attribution: canonical names, aliases and transliterations, role phrases by the
    /// article's date, gender for pronouns, city metonyms. Defaults to the shipped actor catalog.
    /// </summary>
    public ActorRecognizer Actors { get; init; } = DefaultActors.Value;

    /// <summary>Report a city or building that speaks for a state as that state ("Moscow" → "Russia"). Default true.</summary>
    public bool ResolveMetonyms { get; init; } = true;

    /// <summary>The ordered attribution sieves and resolvers; remove, insert or reorder them here.</summary>
    public AttributionRules Rules { get; init; } = AttributionRules.Default;

    /// <summary>How sure each rule is, calibrated on hand-checked news; the <c>confidence</c> of a quote.</summary>
    public RuleConfidence Confidence { get; init; } = RuleConfidence.Default;

    /// <summary>Keep quotations whose speaker cannot be identified (speaker null). Default true.</summary>
    public bool IncludeUnattributed { get; init; } = true;

    /// <summary>Adds the cue verbs of a user file to the current ones.</summary>
    public QuoteOptions WithCueVerbs(string path) => this with { Cues = Cues.Merge(CueLexicon.Load(path)) };

    /// <summary>Adds the word lists of a user file to the current ones.</summary>
    public QuoteOptions WithWords(string path) => this with { Words = Words.Merge(QuoteWords.Load(path)) };
}
