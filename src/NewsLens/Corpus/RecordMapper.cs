using System.Net;
using System.Text.Json;

namespace NewsLens;

/// <summary>Maps a JSON object or CSV row to an article draft by common column names, or by the user's <see cref="ColumnMap"/>.</summary>
internal sealed class RecordMapper(LoadOptions options)
{
    // Normalised names (lower case, no '_', '-' or spaces), most specific first.
    private static readonly string[] IdNames = ["id", "articleid", "docid", "documentid", "uuid", "guid", "newid", "key"];
    private static readonly string[] TitleNames = ["title", "headline", "heading", "subject", "articletitle"];
    private static readonly string[] TextNames = ["text", "body", "content", "articlebody", "fulltext", "maintext", "articletext", "article", "story", "bodytext"];
    private static readonly string[] SummaryNames = ["description", "summary", "abstract", "excerpt", "lead"];
    private static readonly string[] DateNames =
        ["published", "date", "publishdate", "publisheddate", "publishedat", "pubdate", "publicationdate", "datepublished", "datetime",
         "publishedtime", "publishtime", "timestamp", "createdat", "created", "time"];
    private static readonly string[] OutletNames = ["outlet", "source", "publisher", "publication", "media", "newspaper", "sourcename", "medium", "sitename", "site", "domain"];
    private static readonly string[] UrlNames = ["url", "link", "href", "uri", "sourceurl", "articleurl", "permalink", "canonicalurl", "webaddress"];
    private static readonly string[] AuthorNames = ["author", "authors", "byline", "creator", "writer", "by"];

    private readonly ColumnMap map = options.Columns;

    public static string Normalize(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 128)];
        var n = 0;
        foreach (var c in name)
        {
            if (c is '_' or '-' or ' ' or '.')
                continue;
            if (n == buffer.Length)
                break;
            buffer[n++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..n]);
    }

    /// <summary>Maps one record; <paramref name="value"/> returns a column's text by its normalised name (null when absent).</summary>
    public DraftArticle Map(Func<string, string?> value, int index, int line, Action<string> warn)
    {
        string? Pick(string? mapped, string[] names, out string? used)
        {
            used = null;
            if (mapped is not null)
            {
                used = Normalize(mapped);
                return value(used);
            }

            foreach (var name in names)
            {
                if (value(name) is { } v && !string.IsNullOrWhiteSpace(v))
                {
                    used = name;
                    return v;
                }
            }

            return null;
        }

        var id = Pick(map.Id, IdNames, out _);
        var title = Pick(map.Title, TitleNames, out _);
        var text = Pick(map.Text, TextNames, out _) ?? (map.Text is null ? Pick(null, SummaryNames, out _) : null);
        var outlet = Pick(map.Outlet, OutletNames, out var outletColumn);
        var site = map.Site is not null ? value(Normalize(map.Site)) : outletColumn is "site" or "sitename" or "domain" ? null : value("site");
        var url = Pick(map.Url, UrlNames, out _);
        var author = Pick(map.Author, AuthorNames, out _);
        var dateText = Pick(map.Date, DateNames, out _);

        DateOnly? published = null;
        var source = DateSource.None;
        if (dateText is not null)
        {
            published = DateText.ParseValue(dateText, options.MonthFirstNumericDates);
            if (published is null)
                warn($"date '{Shorten(dateText)}' not understood");
            else
                source = DateSource.Metadata;
        }

        if (published is null && DateText.FromUrl(url) is { } fromUrl)
        {
            published = fromUrl;
            source = DateSource.Url;
        }

        if (outlet is null && url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            outlet = options.Rules.Outlets.ForHost(uri.Host);
        else if (outlet is not null)
            outlet = options.Rules.Outlets.Normalize(outlet);

        return new DraftArticle
        {
            Index = index,
            SourceId = id,
            Title = title is null ? null : Clean(title),
            Outlet = outlet,
            Site = site,
            Author = author,
            Url = url,
            Published = published,
            DateSource = source,
            Paragraphs = text is null ? [] : PlainText.Paragraphs(text, Clean),
            Line = line,
        };
    }

    /// <summary>A JSON value as text: strings as they are, arrays joined, objects by their name/title/url.</summary>
    public static string? JsonText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Array => string.Join(", ", element.EnumerateArray().Select(JsonText).Where(s => !string.IsNullOrWhiteSpace(s))),
        JsonValueKind.Object => new[] { "name", "title", "url", "text", "value" }
            .Select(n => element.TryGetProperty(n, out var p) ? JsonText(p) : null).FirstOrDefault(s => s is not null),
        _ => null,
    };

    private static string Clean(string text)
    {
        if (text.Contains('&') && text.Contains(';'))
            text = WebUtility.HtmlDecode(text);
        return text.Trim();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
