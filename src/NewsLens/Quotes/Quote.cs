namespace NewsLens;

/// <summary>One direct quotation found in an article and the speaker it is attributed to.</summary>
/// <remarks>
/// <see cref="Start"/> and <see cref="End"/> delimit <see cref="Text"/> (the words between the quote marks, marks
/// excluded) in <see cref="Article.Text"/>, so <c>article.Text[quote.Start..quote.End] == quote.Text</c>.
/// </remarks>
/// <param name="ArticleId">The article's <see cref="Article.Id"/>.</param>
/// <param name="File">The article's source file.</param>
/// <param name="Speaker">Canonical name of who said it; null when nobody can be identified.</param>
/// <param name="SpeakerMention">The words of the article that named the speaker ("he", "the Kremlin spokesman").</param>
/// <param name="Resolution">How the speaker was found.</param>
/// <param name="Cue">The reporting verb or phrase ("said", "according to"); null when none.</param>
/// <param name="Text">The quoted words without the quote marks.</param>
/// <param name="Kind">Whole clause or sentences (<see cref="QuoteKind.Full"/>) or a fragment inside the reporter's sentence.</param>
/// <param name="Sentence">Index into <see cref="Article.Sentences"/> of the sentence where the quote starts.</param>
/// <param name="Confidence">How sure the attribution is, 0..1.</param>
public sealed record Quote(
    string ArticleId,
    string File,
    string? Speaker,
    string? SpeakerMention,
    SpeakerResolution Resolution,
    string? Cue,
    string Text,
    QuoteKind Kind,
    int Start,
    int End,
    int Sentence,
    double Confidence)
{
    /// <summary>The attribution rule that decided the speaker (a sieve's name such as <c>cue-subject</c>, <c>run-on</c>, or <c>none</c>).</summary>
    public string? Rule { get; init; }

    /// <summary>
    /// The statement this quote renders: shared by every rendering of one utterance (fragments, repeats,
    /// translations) across articles and outlets; null until statements are linked (<see cref="StatementExtensions"/>).
    /// </summary>
    public string? Statement { get; init; }

    /// <summary>What kind of actor the speaker is, as attribution saw it (a person, an organisation...).</summary>
    internal SpeakerKind SpeakerKind { get; init; }
}

/// <summary>Whether a quotation is a whole clause or a fragment embedded in the reporter's own sentence.</summary>
public enum QuoteKind
{
    /// <summary>A quoted clause or sentences: "We will win," she said.</summary>
    Full,

    /// <summary>A fragment inside the reporter's sentence: described it as "designed to manipulate".</summary>
    Partial,
}

/// <summary>How the speaker of a quotation was identified.</summary>
public enum SpeakerResolution
{
    /// <summary>No speaker could be identified.</summary>
    None,

    /// <summary>A name next to the cue ("Lavrov said", "said de Danne", "according to Peskov").</summary>
    Name,

    /// <summary>A pronoun resolved to an earlier person or organisation.</summary>
    Pronoun,

    /// <summary>A role or generic phrase ("the top diplomat", "the party") resolved to an actor.</summary>
    Role,

    /// <summary>A quote with no attribution of its own that continues the previous quote's speaker.</summary>
    Continuation,

    /// <summary>Found from the surrounding text (a colon introduction in the previous paragraph, a caption or statement).</summary>
    Context,
}
