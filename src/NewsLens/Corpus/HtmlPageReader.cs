using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsLens;

/// <summary>
/// Reads an HTML page: main content by readability (SmartReader), metadata from &lt;title&gt;, og:*, article:*,
/// the canonical link and JSON-LD. The content then goes through the same cleaning as scraped text pages.
/// </summary>
internal sealed class HtmlPageReader(PageRules rules, LoadOptions options)
{
    private static readonly HashSet<string> Skip = ["SCRIPT", "STYLE", "NOSCRIPT", "FIGURE", "FIGCAPTION", "NAV", "ASIDE", "FOOTER", "FORM", "BUTTON", "SVG", "IFRAME", "TEMPLATE", "HEADER"];
    private static readonly HashSet<string> Leaves = ["P", "LI", "BLOCKQUOTE", "PRE", "DD", "DT", "TD", "TH", "CAPTION"];

    public IReadOnlyList<DraftArticle> Read(string html, string fileName)
    {
        var document = new HtmlParser().ParseDocument(html);
        var meta = HtmlMetadata.From(document);

        // SmartReader rewrites the document: read the metadata above first.
        string content;
        string? readerTitle = null, readerAuthor = null;
        DateOnly? readerDate = null;
        try
        {
            var uri = meta.Url is not null && Uri.IsWellFormedUriString(meta.Url, UriKind.Absolute) ? meta.Url : "https://localhost/" + Uri.EscapeDataString(fileName);
            var article = new SmartReader.Reader(uri, document) { Debug = false, ContinueIfNotReadable = true }.GetArticle();
            readerTitle = article.Title;
            readerAuthor = string.IsNullOrWhiteSpace(article.Author) ? article.Byline : article.Author;
            readerDate = article.PublicationDate is { } d && d.Year > 1900 ? DateOnly.FromDateTime(d) : null;
            content = article.IsReadable && !string.IsNullOrWhiteSpace(article.Content)
                ? Blocks(new HtmlParser().ParseDocument(article.Content).Body)
                : Blocks(new HtmlParser().ParseDocument(html).Body);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Readability failed on this page: fall back to every block of the body, cleaned like a text page.
            content = Blocks(new HtmlParser().ParseDocument(html).Body);
        }

        var title = meta.Title ?? readerTitle;
        var text = (title is null ? "" : "# " + title + "\n\n") + content;
        var drafts = new ScrapedPageParser(rules, options).Parse(text);
        if (drafts.Count == 0)
            return drafts;

        var url = meta.Url ?? drafts[0].Url;
        string? outlet = meta.SiteName is { } site ? rules.Outlets.Normalize(site) : null;
        if (outlet is null && url is not null && Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Host != "localhost")
            outlet = rules.Outlets.ForHost(parsed.Host) ?? (parsed.Host.StartsWith("www.", StringComparison.Ordinal) ? parsed.Host[4..] : parsed.Host);
        var main = drafts[0];
        var (published, source) = meta.Published is { } metaDate ? (metaDate, DateSource.Metadata)
            : main.DateSource is DateSource.Explicit ? (main.Published, DateSource.Explicit)
            : DateText.FromUrl(url) is { } fromUrl ? (fromUrl, DateSource.Url)
            : readerDate is { } rd ? (rd, DateSource.Metadata)
            : (main.Published, main.DateSource);
        var result = new List<DraftArticle>
        {
            main with
            {
                Title = title ?? main.Title,
                Url = url,
                Outlet = outlet ?? main.Outlet,
                Site = outlet is not null && main.Outlet is not null && main.Outlet != outlet ? main.Site : main.Site,
                Author = meta.Author ?? CleanByline(readerAuthor) ?? main.Author,
                Published = published,
                DateSource = published is null ? DateSource.None : source,
            },
        };
        result.AddRange(drafts.Skip(1).Select(d => d with { Outlet = d.Outlet ?? outlet }));
        return result;
    }

    private static string? CleanByline(string? byline)
    {
        if (string.IsNullOrWhiteSpace(byline))
            return null;
        var text = byline.Trim();
        if (text.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
            text = text[3..].Trim();
        return text.Length is > 0 and < 100 ? text : null;
    }

    /// <summary>Block elements as paragraphs (headings marked "##"), separated by blank lines.</summary>
    internal static string Blocks(IElement? root)
    {
        var builder = new StringBuilder();
        if (root is not null)
            Walk(root, builder);
        return builder.ToString();
    }

    private static void Walk(IElement element, StringBuilder output)
    {
        var inline = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            if (node is IElement child)
            {
                var tag = child.TagName.ToUpperInvariant();
                if (Skip.Contains(tag) || child.GetAttribute("aria-hidden") == "true" || child.HasAttribute("hidden"))
                    continue;
                if (tag.Length == 2 && tag[0] == 'H' && char.IsDigit(tag[1]))
                {
                    FlushInline(inline, output);
                    Emit(output, "## " + Collapse(child.TextContent));
                    continue;
                }

                if (tag == "BR")
                {
                    FlushInline(inline, output);
                    continue;
                }

                if (Leaves.Contains(tag) || !HasBlockChild(child))
                {
                    if (Leaves.Contains(tag) || IsBlock(tag))
                    {
                        FlushInline(inline, output);
                        Emit(output, (tag == "LI" ? "- " : "") + Collapse(child.TextContent)); // list items stay marked: link lists are not prose
                    }
                    else
                    {
                        inline.Append(child.TextContent);
                    }

                    continue;
                }

                FlushInline(inline, output);
                Walk(child, output);
            }
            else if (node.NodeType == NodeType.Text)
            {
                inline.Append(node.TextContent);
            }
        }

        FlushInline(inline, output);
    }

    private static bool HasBlockChild(IElement element) => element.Children.Any(c => IsBlock(c.TagName.ToUpperInvariant()) || HasBlockChild(c));

    private static bool IsBlock(string tag) => tag is "P" or "DIV" or "SECTION" or "ARTICLE" or "MAIN" or "UL" or "OL" or "LI" or "BLOCKQUOTE"
        or "PRE" or "TABLE" or "TR" or "TD" or "TH" or "DL" or "DD" or "DT" or "H1" or "H2" or "H3" or "H4" or "H5" or "H6" or "HEADER" or "FOOTER" or "BR";

    private static void FlushInline(StringBuilder inline, StringBuilder output)
    {
        if (inline.Length == 0)
            return;
        Emit(output, Collapse(inline.ToString()));
        inline.Clear();
    }

    private static void Emit(StringBuilder output, string text)
    {
        if (text.Length == 0 || text == "##")
            return;
        output.Append(text).Append("\n\n");
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Metadata in an HTML head: og:*, article:*, name=author/date, canonical link, JSON-LD (NewsArticle and kin).</summary>
internal sealed record HtmlMetadata(string? Title, string? SiteName, string? Author, DateOnly? Published, string? Url)
{
    public static HtmlMetadata From(IHtmlDocument document)
    {
        var metas = document.QuerySelectorAll("meta"); // once: a query parses its selector and walks the whole page
        string? Meta(params string[] keys)
        {
            foreach (var key in keys)
            {
                foreach (var element in metas)
                {
                    var name = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop");
                    if (name is not null && name.Equals(key, StringComparison.OrdinalIgnoreCase)
                        && element.GetAttribute("content") is { Length: > 0 } content)
                        return content.Trim();
                }
            }

            return null;
        }

        var ld = JsonLd(document);
        var title = Meta("og:title", "twitter:title", "headline") ?? ld.Headline ?? TitleTag(document, Meta("og:site_name") ?? ld.Publisher);
        var site = Meta("og:site_name", "application-name") ?? ld.Publisher ?? SiteFromTitleTag(document, title);
        var author = Meta("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator") ?? ld.Author;
        if (author is not null && (author.StartsWith("http", StringComparison.OrdinalIgnoreCase) || author.Length > 120))
            author = ld.Author;
        if (author is not null && author.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
            author = author[3..].Trim();
        var dateText = Meta("article:published_time", "og:published_time", "datePublished", "date", "pubdate", "publish-date", "publish_date",
            "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date", "article.published", "published_time") ?? ld.Published;
        var canonical = document.QuerySelectorAll("link").FirstOrDefault(l => (l.GetAttribute("rel") ?? "").Split(' ').Contains("canonical", StringComparer.OrdinalIgnoreCase))?.GetAttribute("href");
        var url = Absolute(canonical) ?? Absolute(Meta("og:url")) ?? Absolute(ld.Url);
        return new HtmlMetadata(Blank(title), Blank(site), Blank(author), DateText.ParseValue(dateText), url);
    }

    private static string? TitleTag(IHtmlDocument document, string? site)
    {
        var title = document.Title?.Trim();
        if (string.IsNullOrEmpty(title))
            return null;
        // "Headline | Site" / "Headline - Site": drop the site part.
        foreach (var separator in new[] { " | ", " - ", " — ", " – ", " :: " })
        {
            var cut = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (cut > 10 && (site is null || title[(cut + separator.Length)..].Contains(site, StringComparison.OrdinalIgnoreCase) || title.Length - cut < 30))
                return title[..cut].Trim();
        }

        return title;
    }

    // "<headline> - <site>": when the part before the separator is the headline, the rest names the site.
    private static string? SiteFromTitleTag(IHtmlDocument document, string? headline)
    {
        var full = document.Title?.Trim();
        if (string.IsNullOrEmpty(full) || headline is null || full.Length <= headline.Length + 3 || !full.StartsWith(headline, StringComparison.Ordinal))
            return null;
        var rest = full[headline.Length..].TrimStart().TrimStart('|', '-', '—', '–', ':').Trim();
        return rest.Length > 0 && rest.Split(' ').Length <= 5 ? rest : null;
    }

    private static (string? Headline, string? Published, string? Author, string? Publisher, string? Url) JsonLd(IHtmlDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                foreach (var node in Objects(json.RootElement))
                {
                    var type = node.TryGetProperty("@type", out var t) ? RecordMapper.JsonText(t) ?? "" : "";
                    if (!type.Contains("Article", StringComparison.OrdinalIgnoreCase) && !type.Contains("BlogPosting", StringComparison.OrdinalIgnoreCase)
                        && !type.Contains("Report", StringComparison.OrdinalIgnoreCase))
                        continue;
                    string? Get(string name) => node.TryGetProperty(name, out var v) ? RecordMapper.JsonText(v) : null;
                    var url = Get("url") ?? (node.TryGetProperty("mainEntityOfPage", out var m)
                        ? m.ValueKind == JsonValueKind.Object && m.TryGetProperty("@id", out var id) ? id.GetString() : RecordMapper.JsonText(m)
                        : null);
                    return (Get("headline"), Get("datePublished") ?? Get("dateCreated"), Get("author"), Get("publisher"), url);
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other metadata still counts.
            }
        }

        return default;
    }

    private static IEnumerable<JsonElement> Objects(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                foreach (var inner in Objects(item))
                    yield return inner;
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            if (element.TryGetProperty("@graph", out var graph))
                foreach (var inner in Objects(graph))
                    yield return inner;
        }
    }

    private static string? Absolute(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.ToString() : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
