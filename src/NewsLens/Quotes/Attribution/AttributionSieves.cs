namespace NewsLens;

/// <summary>The shipped sieves of quote attribution, to build or edit an <see cref="AttributionRules"/> list.</summary>
public static class AttributionSieves
{
    public static AttributionSieve TranscriptLabel { get; } = new TranscriptLabel();

    public static AttributionSieve NameAfterQuote { get; } = new NameAfterQuote();

    public static AttributionSieve DashCredit { get; } = new DashCredit();

    public static AttributionSieve AccordingTo { get; } = new AccordingTo();

    public static AttributionSieve InvertedCue { get; } = new InvertedCue();

    public static AttributionSieve PassiveAgent { get; } = new PassiveAgent();

    public static AttributionSieve Participle { get; } = new Participle();

    public static AttributionSieve CoordinatedVerb { get; } = new CoordinatedVerb();

    public static AttributionSieve CueSubject { get; } = new CueSubject();

    public static AttributionSieve ClauseSubject { get; } = new ClauseSubject();

    public static AttributionSieve CueAfterQuote { get; } = new CueAfterQuote();

    public static AttributionSieve EarlierCue { get; } = new EarlierCue();

    public static AttributionSieve CueWithoutSpeaker { get; } = new CueWithoutSpeaker();

    public static AttributionSieve VerbInQuote { get; } = new VerbInQuote();

    public static AttributionSieve ColonIntroduction { get; } = new ColonIntroduction();

    public static AttributionSieve EmbeddedQuote { get; } = new EmbeddedQuote();

    public static AttributionSieve SentenceSubject { get; } = new SentenceSubject();

    public static AttributionSieve ReportedSpeech { get; } = new ReportedSpeech();

    public static AttributionSieve ParagraphColon { get; } = new ParagraphColon();

    public static AttributionSieve NextParagraph { get; } = new NextParagraph();

    public static AttributionSieve Continuation { get; } = new Continuation();
}
