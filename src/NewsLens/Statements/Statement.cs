namespace NewsLens;

/// <summary>One utterance and everywhere it was quoted: who said it, who carried it first, how its wording varies.</summary>
/// <param name="Id">The statement id every rendering carries in <see cref="Quote.Statement"/>.</param>
/// <param name="Speaker">The speaker most renderings name; null when none does.</param>
/// <param name="Text">The canonical text: the fullest rendering.</param>
/// <param name="FirstDate">The earliest published date of an article carrying it; null when none is dated.</param>
/// <param name="FirstOutlet">The outlet of that first article.</param>
/// <param name="FirstArticle">The first article (earliest date, then article id).</param>
/// <param name="Articles">How many articles carry it.</param>
/// <param name="Outlets">The outlets carrying it, in order of first appearance (undated ones last).</param>
/// <param name="Renderings">Every quote of it, first appearance first.</param>
public sealed record Statement(
    string Id,
    string? Speaker,
    string Text,
    DateOnly? FirstDate,
    string? FirstOutlet,
    string FirstArticle,
    int Articles,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<StatementRendering> Renderings);

/// <summary>One rendering of a statement: a quote with where and when it appeared.</summary>
public sealed record StatementRendering(string ArticleId, string? Outlet, DateOnly? Date, string? Speaker, string Text, int Start, int End)
{
    /// <summary>The statement it renders.</summary>
    public string? Statement { get; init; }
}
