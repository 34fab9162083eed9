using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsLens;

/// <summary>
/// Reads an HTML page: the main content by readability (SmartReader), cleaned on the DOM (<see cref="HtmlBlocks"/>),
/// or by a block scorer when readability finds nothing (<see cref="HtmlFallback"/>); metadata from &lt;title&gt;,
/// og:*, article:*, the canonical link and JSON-LD (<see cref="HtmlMetadata"/>).
/// </summary>
/// <remarks>
/// The text-page rules (<see cref="ScrapedPageParser"/>) are not run on HTML: they judge lines by their words, which on
/// a page with a DOM cuts stories at an in-body "Read more" and drops subheadings and list items.
/// </remarks>
/// <param name="removed">Receives each block left out of the article (source line, text, reason); null skips the bookkeeping.</param>
internal sealed class HtmlPageReader(PageRules rules, Action<int, string, RemovalReason>? removed = null)
{
    private const RegexOptions Fast = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private static readonly Regex Byline = new(@"^(?i:by|written by|words by|von|par|por|di|door|av|af)\s+(?<name>\S.{1,80})$", Fast);

    /// <summary>Readability's content must hold at least this share of what the block scorer finds, or the scorer's is taken.</summary>
    private const double MinShareOfFallback = 0.3;

    /// <summary>Content lighter than this (in <see cref="TextScript.Weight(string)"/> units) is checked against the block scorer.</summary>
    private const int Substantial = 1500;

    public IReadOnlyList<DraftArticle> Read(string html, string fileName)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = removed is not null });
        var document = parser.ParseDocument(html);
        var meta = HtmlMetadata.From(document);
        var lines = Readability(document, meta, fileName, out var readerAuthor);
        var weight = Weight(lines);
        if (weight < Substantial)
        {
            // Readability found nothing, or little: a block scorer on a fresh copy (readability rewrote the first).
            var fallback = HtmlFallback.Lines(parser.ParseDocument(html).Body ?? document.DocumentElement);
            if (lines is null || weight < MinShareOfFallback * Weight(fallback))
                lines = fallback;
        }

        var title = meta.Title;
        var (author, visibleDate) = Tidy(lines!, title);
        foreach (var line in lines!)
        {
            if (line.Reason is { } reason && removed is not null)
                removed(line.Line, line.Text, reason);
        }

        var paragraphs = lines!.Where(l => l.Reason is null).Select(l => l.Text).ToList();
        if (paragraphs.Count == 0)
            return [];

        var url = meta.Url;
        string? outlet = meta.SiteName is { } site ? rules.Outlets.Normalize(site) : null;
        if (outlet is null && url is not null && Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Host != "localhost")
            outlet = rules.Outlets.ForHost(parsed.Host) ?? (parsed.Host.StartsWith("www.", StringComparison.Ordinal) ? parsed.Host[4..] : parsed.Host);
        var (published, source) = meta.Published is { } metaDate ? (metaDate, meta.DateSource)
            : DateText.FromUrl(url) is { } fromUrl ? (new PublishedDate(fromUrl, null), DateSource.Url)
            : visibleDate is { } seen ? (seen, DateSource.Explicit)
            : ((PublishedDate?)null, DateSource.None);
        return
        [
            new DraftArticle
            {
                Title = title,
                Url = url,
                Outlet = outlet,
                Author = meta.Author ?? author ?? CleanByline(readerAuthor),
                Published = published?.Date,
                PublishedAt = published?.At,
                DateSource = published is null ? DateSource.None : source,
                Language = meta.Language,
                Paragraphs = paragraphs,
            },
        ];
    }

    /// <summary>Readability's content as lines; null when it found none or failed on the page.</summary>
    private static List<HtmlLine>? Readability(AngleSharp.Html.Dom.IHtmlDocument document, HtmlMetadata meta, string fileName, out string? author)
    {
        author = null;
        try
        {
            var uri = meta.Url ?? "https://localhost/" + Uri.EscapeDataString(fileName);
            IElement? content = null;
            var reader = new SmartReader.Reader(uri, document) { Debug = false, ContinueIfNotReadable = true, KeepClasses = true };
            reader.AddCustomOperationEnd(element => content = element);
            var article = reader.GetArticle();
            author = string.IsNullOrWhiteSpace(article.Author) ? article.Byline : article.Author;
            return article.IsReadable && content is not null ? HtmlBlocks.Lines(content) : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null; // readability failed on this page: the block scorer reads it
        }
    }

    private static int Weight(List<HtmlLine>? lines)
    {
        var weight = 0;
        foreach (var line in lines ?? [])
        {
            if (line.Reason is null)
                weight += TextScript.Weight(line.Text);
        }

        return weight;
    }

    /// <summary>
    /// Marks what the DOM pass cannot see: the headline repeated at the top, a byline or date line before the story,
    /// code left in the text, and headings with nothing kept under them (the title of a dropped widget).
    /// </summary>
    /// <returns>The author from a byline line and the date from a date line, when found.</returns>
    private static (string? Author, PublishedDate? Date) Tidy(List<HtmlLine> lines, string? title)
    {
        string? author = null;
        PublishedDate? date = null;
        var key = title is null ? null : Key(title);
        var lead = true;
        foreach (var line in lines)
        {
            if (line.Reason is not null)
                continue;
            if (HtmlBlocks.LooksLikeCode(line.Text))
            {
                line.Reason = RemovalReason.Markup;
                continue;
            }

            if (!lead)
                continue;
            if (key is not null && Key(line.Text) == key)
            {
                line.Reason = RemovalReason.Title;
                continue;
            }

            if (line.Text.Length < 100 && Byline.Match(line.Text) is { Success: true } by)
            {
                line.Reason = RemovalReason.Byline;
                author ??= by.Groups["name"].Value.Trim();
                continue;
            }

            if (line.Text.Length < 60 && DateText.FirstFull(line.Text) is { } mention && mention.Length * 2 >= line.Text.Length && mention.Date is { } d && DateText.Plausible(d))
            {
                line.Reason = RemovalReason.Date;
                date ??= new PublishedDate(d, null);
                continue;
            }

            lead = TextScript.Weight(line.Text) < 80 || line.Heading;
        }

        // A short line introducing nothing but dropped links to the end of the page ("You may also like...").
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (lines[i].Reason is RemovalReason.Teaser)
                continue;
            if (lines[i].Reason is null && i + 1 < lines.Count && lines[i + 1].Reason is RemovalReason.Teaser && TextScript.Weight(lines[i].Text) < 60)
                lines[i].Reason = RemovalReason.Teaser;
            break;
        }

        // A heading followed by nothing kept until the next heading (or the end) headed a widget that was dropped.
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (!lines[i].Heading || lines[i].Reason is not null)
                continue;
            RemovalReason? next = null;
            var keptAfter = false;
            var j = i + 1;
            for (; j < lines.Count && !(lines[j].Heading && lines[j].Reason is null); j++)
            {
                if (lines[j].Reason is null)
                {
                    keptAfter = true;
                    break;
                }

                next ??= lines[j].Reason;
            }

            if (!keptAfter && (next is not null || j == lines.Count))
                lines[i].Reason = next ?? RemovalReason.AfterEnd;
        }

        return (author, date);
    }

    private static string Key(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static string? CleanByline(string? byline)
    {
        if (string.IsNullOrWhiteSpace(byline))
            return null;
        var text = byline.Trim();
        if (text.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
            text = text[3..].Trim();
        return text.Length is > 0 and < 100 ? text : null;
    }
}
