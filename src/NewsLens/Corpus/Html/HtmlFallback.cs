using AngleSharp.Dom;

namespace NewsLens;

/// <summary>
/// The main content when readability finds none: every text block of the page is scored by its length, punctuation
/// and link density, the score flows up to the block's ancestors (less with each level, as readability and
/// boilerpipe do), and the best-scoring element below the body wins. Never the whole body: when no element gathers
/// the text, only the good blocks themselves are kept.
/// </summary>
internal static class HtmlFallback
{
    /// <summary>A block lighter than this (in <see cref="TextScript.Weight(string)"/> units) is not prose by itself.</summary>
    private const int MinBlock = 50;

    /// <summary>The lines of the main content under <paramref name="body"/>; empty when the page holds no prose at all.</summary>
    public static List<HtmlLine> Lines(IElement body)
    {
        var lines = HtmlBlocks.Lines(body);
        var scores = new Dictionary<IElement, double>();
        var good = new HashSet<HtmlLine>();
        foreach (var line in lines)
        {
            if (line.Reason is not null || line.Owner is null || line.Heading || HtmlBlocks.LooksLikeCode(line.Text))
                continue;
            var weight = TextScript.Weight(line.Text);
            if (weight < MinBlock)
                continue;
            var (text, linked) = HtmlBlocks.Density(line.Owner);
            if (linked * 3 >= text)
                continue;
            var punctuation = line.Text.Count(c => c is ',' or '.' or '、' or '。' or '，' or ';' or '!' or '?' or '！' or '？');
            var score = 1 + punctuation + Math.Min(weight / 100.0, 3);
            good.Add(line);
            var level = 0;
            for (var element = line.Owner; element is not null && level < 6; element = element.ParentElement, level++)
                scores[element] = scores.GetValueOrDefault(element) + score / (level <= 1 ? level + 1 : level * 3);
        }

        IElement? best = null;
        var bestScore = 0.0;
        foreach (var (element, score) in scores)
        {
            if (element.TagName is "HTML" or "BODY")
                continue;
            var (text, linked) = HtmlBlocks.Density(element);
            var adjusted = score * (1 - (text > 0 ? (double)linked / text : 0)) * Weight(element);
            if (adjusted > bestScore)
                (best, bestScore) = (element, adjusted);
        }

        if (best is null)
            return [.. good];

        // The story's wrapper scores higher still when the best element was only its first part.
        for (var parent = best.ParentElement; parent is not null && parent.TagName is not ("BODY" or "HTML"); parent = parent.ParentElement)
        {
            if (!scores.TryGetValue(parent, out var parentScore) || parentScore < bestScore * 1.2 || HtmlEvidence.LinkDense(parent))
                break;
            (best, bestScore) = (parent, parentScore);
        }

        var chosen = lines.Where(l => l.Owner is { } owner && (owner == best || best.Contains(owner))).ToList();
        return chosen.Any(l => l.Reason is null) ? chosen : [.. good];
    }

    // Names that mark the story ("article-body", "entry-content", itemprop=articleBody) lift a candidate a little.
    private static double Weight(IElement element)
    {
        var names = (element.ClassName + " " + element.Id).ToLowerInvariant();
        var weight = 1.0;
        if (names.Contains("article") || names.Contains("content") || names.Contains("story") || names.Contains("entry") || names.Contains("body") || names.Contains("post") || names.Contains("text"))
            weight += 0.25;
        if (element.TagName is "ARTICLE" or "MAIN" || element.GetAttribute("itemprop") is "articleBody")
            weight += 0.25;
        return weight;
    }
}
