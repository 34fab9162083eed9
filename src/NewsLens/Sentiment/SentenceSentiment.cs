namespace NewsLens;

/// <summary>One sentence's VADER scores, traceable to its article and character range [Start, End) in the article text.</summary>
/// <param name="Article">The article's <see cref="NewsLens.Article.Id"/>.</param>
/// <param name="File">The article's source file.</param>
/// <param name="Sentence">Index into <see cref="NewsLens.Article.Sentences"/>.</param>
public sealed record SentenceSentiment(string Article, string File, int Sentence, int Start, int End, SentimentScore Score);

/// <summary>An article's tone: the mean compound of its sentences and the shares of positive, negative and neutral sentences.</summary>
/// <remarks>An article without sentences has <see cref="Sentences"/> = 0 and null statistics.</remarks>
public sealed record ArticleSentiment(
    string Article,
    string File,
    string? Title,
    string? Outlet,
    DateOnly? Published,
    int Sentences,
    double? MeanCompound,
    double? SharePositive,
    double? ShareNegative,
    double? ShareNeutral);

/// <summary>An outlet's tone over its articles: each scored article counts once, with its mean compound.</summary>
/// <param name="Outlet">The outlet; null groups articles whose outlet is unknown.</param>
/// <param name="Articles">Scored articles (those with at least one sentence).</param>
/// <param name="CiLow">Lower bound of the 95 % confidence interval of the mean (Student's t); null under two articles.</param>
/// <param name="SharePositive">Share of articles whose mean compound is ≥ 0.05.</param>
public sealed record OutletSentiment(
    string? Outlet,
    int Articles,
    int Sentences,
    double MeanCompound,
    double? CiLow,
    double? CiHigh,
    double SharePositive,
    double ShareNegative,
    double ShareNeutral);

/// <summary>An actor's tone: the sentences that mention them and, separately, the quotations they speak.</summary>
/// <param name="Articles">Articles with at least one sentence mentioning the actor.</param>
/// <param name="Sentences">Sentences mentioning the actor (each once, however often it names them); null statistics when 0.</param>
/// <param name="CiLow">Lower bound of the 95 % confidence interval of the mean (Student's t); null under two sentences.</param>
/// <param name="SharePositive">Share of those sentences with compound ≥ 0.05.</param>
/// <param name="Quotes">Quotations attributed to the actor; each scores the mean compound of its sentences.</param>
public sealed record ActorSentiment(
    string Actor,
    int Articles,
    int Sentences,
    double? MeanCompound,
    double? CiLow,
    double? CiHigh,
    double? SharePositive,
    double? ShareNegative,
    double? ShareNeutral,
    int Quotes,
    double? QuoteMeanCompound,
    double? QuoteCiLow,
    double? QuoteCiHigh);
