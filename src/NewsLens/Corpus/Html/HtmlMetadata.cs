using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsLens;

/// <summary>Metadata in an HTML head: og:*, article:*, name=author/date, canonical link, JSON-LD (NewsArticle and kin).</summary>
/// <remarks>Dates are tried in a fixed order, each checked for sanity (<see cref="DateText.ParsePublished"/>), the first
/// plausible one wins: article:published_time, JSON-LD datePublished, then the other date metas.</remarks>
internal sealed record HtmlMetadata(string? Title, string? SiteName, string? Author, PublishedDate? Published, DateSource DateSource, string? Url, string? Language)
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
        var (published, dateSource) = DateText.ParsePublished(Meta("article:published_time", "og:published_time", "published_time")) is { } fromMeta ? (fromMeta, DateSource.Metadata)
            : DateText.ParsePublished(ld.Published) is { } fromLd ? (fromLd, DateSource.JsonLd)
            : DateText.ParsePublished(Meta("datePublished", "date", "pubdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
                "parsely-pub-date", "sailthru.date", "article.published")) is { } fromOther ? (fromOther, DateSource.Metadata)
            : ((PublishedDate?)null, DateSource.None);
        var canonical = document.QuerySelectorAll("link").FirstOrDefault(l => (l.GetAttribute("rel") ?? "").Split(' ').Contains("canonical", StringComparer.OrdinalIgnoreCase))?.GetAttribute("href");
        var url = Absolute(canonical) ?? Absolute(Meta("og:url")) ?? Absolute(ld.Url);
        var language = document.DocumentElement.GetAttribute("lang") ?? Meta("og:locale", "language", "content-language")
            ?? document.QuerySelector("meta[http-equiv='content-language' i]")?.GetAttribute("content");
        return new HtmlMetadata(Blank(title), Blank(site), Blank(author), published, dateSource, url, LanguageCode(language));
    }

    // "en-US", "pt_BR", "EN" → "en"; anything else (empty, "x-default", a name) is no code.
    private static string? LanguageCode(string? value)
    {
        var code = value?.Trim().Split('-', '_', ',', ' ')[0].ToLowerInvariant();
        return code is { Length: 2 or 3 } && code.All(char.IsAsciiLetterLower) ? code : null;
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
