namespace NewsLens;

/// <summary>
/// The thresholds of statement linking (<see cref="StatementLinker"/>); every rule's strength is one of these.
/// The defaults were set on the PolNeAR dev statement gold and the seeds (figures in README).
/// </summary>
public sealed record StatementOptions
{
    public static StatementOptions Default { get; } = new();

    /// <summary>Function words and synonym groups.</summary>
    public StatementWords Words { get; init; } = StatementWords.Default;

    /// <summary>
    /// Renderings linked by anything weaker than verbatim words (near-identical, translation) must appear within
    /// this many days of each other when both articles are dated. Verbatim repeats are one statement whenever they
    /// appear (a slogan repeated is one statement).
    /// </summary>
    public int MaxDaysApart { get; init; } = 7;

    /// <summary>A fragment or repeat needs this many content words to join at all ("That," never does).</summary>
    public int MinContentWords { get; init; } = 1;

    /// <summary>...or, with fewer content words, this many words in all ("this is not who we are").</summary>
    public int MinWordsWithoutContent { get; init; } = 5;

    /// <summary>
    /// A verbatim fragment or repeat in another article needs this many content words: one common word ("true",
    /// "unstable") in two articles is not evidence of one utterance; in one article the context ties it.
    /// </summary>
    public int MinContentWordsAcrossArticles { get; init; } = 2;

    /// <summary>
    /// A short fragment in two articles ("nonsense") is one statement only when the sentences around it share this
    /// many content terms (the same claim, the same target)...
    /// </summary>
    public int ContextMinSharedTerms { get; init; } = 4;

    /// <summary>...and this share of the shorter sentence's content terms.</summary>
    public double ContextCoverage { get; init; } = 0.6;

    /// <summary>Near-identical sentences: share of the shorter rendering's words found in order in the other (LCS).</summary>
    public double NearIdenticalCoverage { get; init; } = 0.8;

    /// <summary>Near-identical needs at least this many words in the shorter rendering.</summary>
    public int NearIdenticalMinWords { get; init; } = 4;

    /// <summary>
    /// Two renderings of comparable length (shorter / longer at least this) are peers; a shorter one is a fragment,
    /// which joins one statement only (its nearest container) instead of bridging every quote that contains it.
    /// </summary>
    public double PeerLengthRatio { get; init; } = 0.8;

    /// <summary>A loose fragment (not verbatim) needs this share of its words found in order in the fuller rendering.</summary>
    public double LooseFragmentCoverage { get; init; } = 0.9;

    /// <summary>Translations: share of the shorter rendering's content terms (stems, synonyms) found in the other.</summary>
    public double TranslationCoverage { get; init; } = 0.6;

    /// <summary>
    /// Whether the translation rule also links two renderings in one article. Off: an article carries one
    /// translation of a remark, and two of its quotes sharing topic words (names, places) but not wording are two remarks.
    /// </summary>
    public bool TranslationsWithinArticle { get; init; }

    /// <summary>Translations: at least this many shared content terms.</summary>
    public int TranslationMinTerms { get; init; } = 5;

    /// <summary>
    /// A quote with no speaker (or a quote nested in someone else's quote, whose label names the reporter) joins
    /// another only on strong evidence: verbatim or near-identical, with this many content words (in one article:
    /// <see cref="MinContentWordsAcrossArticles"/>).
    /// </summary>
    public int UnattributedMinContentWords { get; init; } = 4;

    /// <summary>Candidate generation probes this many of a quote's rarest content terms at least (prefix filtering).</summary>
    public int MinProbeTerms { get; init; } = 1;

    /// <summary>
    /// Candidates across articles: a word-pair shingle in more than this many quotes is not probed (a quote's rarest
    /// shingle always is, so every verbatim fragment and repeat is found).
    /// </summary>
    public int MaxShinglePostings { get; init; } = 2_000;

    /// <summary>A content term in more than this many quotes of one speaker is not probed for translations (too common to find a shared utterance by).</summary>
    public int MaxPostings { get; init; } = 20_000;

    /// <summary>Quotes of one article are compared pairwise up to this many; beyond, only through the term index.</summary>
    public int MaxQuotesPerArticlePairwise { get; init; } = 400;

    /// <summary>
    /// A quote right after one of these words is a term mentioned, not an utterance ("refused to use the words
    /// 'Islamic terrorism'", "the phrase ... has used often"): it links to nothing. Empty: no quote is a mention.
    /// </summary>
    public IReadOnlySet<string> MentionWords { get; init; } = new HashSet<string>(
        ["word", "words", "phrase", "phrases", "term", "terms", "expression", "expressions", "slogan", "catchphrase", "hashtag"], StringComparer.Ordinal);

    /// <summary>Threads for candidate checks (0: one per core). The result never depends on it.</summary>
    public int Threads { get; init; }
}
