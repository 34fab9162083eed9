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

    private readonly Mapped mapped = new(options.Columns);

    /// <summary>Every normalised column name <see cref="Map"/> may ask for (other columns need not be read).</summary>
    public IReadOnlySet<string> Wanted => mapped.Wanted;

    public static string Normalize(string name)
    {
        Span<char> buffer = stackalloc char[MaxNormalizedLength];
        return new string(buffer[..Normalize(name, buffer)]);
    }

    /// <summary>The longest normalised name kept (longer names are cut).</summary>
    public const int MaxNormalizedLength = 128;

    /// <summary>Writes the normalised form of <paramref name="name"/> (cut to the length of <paramref name="into"/>); returns its length.</summary>
    public static int Normalize(ReadOnlySpan<char> name, Span<char> into)
    {
        var n = 0;
        foreach (var c in name)
        {
            if (c is '_' or '-' or ' ' or '.')
                continue;
            if (n == into.Length)
                break;
            into[n++] = char.ToLowerInvariant(c);
        }

        return n;
    }

    /// <summary>Maps one record; <paramref name="warning"/> is set when a value had to be ignored.</summary>
    public DraftArticle Map(IRecordFields fields, int index, int line, out string? warning)
    {
        warning = null;
        var id = Pick(fields, mapped.Id, IdNames, out _);
        var title = Pick(fields, mapped.Title, TitleNames, out _);
        var body = PickBody(fields, mapped.Text, TextNames) ?? (mapped.Text is null ? PickBody(fields, null, SummaryNames) : null);
        var outlet = Pick(fields, mapped.Outlet, OutletNames, out var outletColumn);
        var site = mapped.Site is not null ? fields.Value(mapped.Site) : outletColumn is "site" or "sitename" or "domain" ? null : fields.Value("site");
        var url = Pick(fields, mapped.Url, UrlNames, out _);
        var author = Pick(fields, mapped.Author, AuthorNames, out _);
        var dateText = Pick(fields, mapped.Date, DateNames, out _);

        DateOnly? published = null;
        var source = DateSource.None;
        if (dateText is not null)
        {
            published = DateText.ParseValue(dateText, options.MonthFirstNumericDates);
            if (published is null)
                warning = $"date '{Shorten(dateText)}' not understood";
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
            Body = body,
            Paragraphs = [],
            Line = line,
        };
    }

    // The user's column when mapped, else the first of the usual names with a value.
    private static string? Pick(IRecordFields fields, string? mapped, string[] names, out string? used)
    {
        used = null;
        if (mapped is not null)
        {
            used = mapped;
            return fields.Value(mapped);
        }

        foreach (var name in names)
        {
            if (fields.Value(name) is { } v && !string.IsNullOrWhiteSpace(v))
            {
                used = name;
                return v;
            }
        }

        return null;
    }

    // Pick for the body, which is not turned into a string here.
    private static RecordBody? PickBody(IRecordFields fields, string? mapped, string[] names)
    {
        if (mapped is not null)
            return fields.Body(mapped);
        foreach (var name in names)
        {
            if (fields.Body(name) is { } body && !body.IsWhiteSpace)
                return body;
        }

        return null;
    }

    /// <summary>A JSON value as text: strings as they are, arrays joined, objects by their name/title/url.</summary>
    public static string? JsonText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Array => string.Join(", ", element.EnumerateArray().Select(JsonText).Where(s => !string.IsNullOrWhiteSpace(s))),
        JsonValueKind.Object => ObjectText(element),
        _ => null,
    };

    private static readonly string[] ObjectTextNames = ["name", "title", "url", "text", "value"];

    // A loop, not a lambda: a closure over the element would be allocated on every call, strings included.
    private static string? ObjectText(JsonElement element)
    {
        foreach (var name in ObjectTextNames)
        {
            if (element.TryGetProperty(name, out var p) && JsonText(p) is { } text)
                return text;
        }

        return null;
    }

    private static string Clean(string text)
    {
        if (text.Contains('&') && text.Contains(';'))
            text = WebUtility.HtmlDecode(text);
        return text.Trim();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>The user's column names, normalised once, and every name a record may be asked for.</summary>
    private sealed class Mapped
    {
        public Mapped(ColumnMap map)
        {
            Id = Normal(map.Id);
            Title = Normal(map.Title);
            Text = Normal(map.Text);
            Outlet = Normal(map.Outlet);
            Site = Normal(map.Site);
            Url = Normal(map.Url);
            Author = Normal(map.Author);
            Date = Normal(map.Date);
            string?[] own = [Id, Title, Text, Outlet, Site, Url, Author, Date, "site"];
            Wanted = new HashSet<string>(
                [.. IdNames, .. TitleNames, .. TextNames, .. SummaryNames, .. DateNames, .. OutletNames, .. UrlNames, .. AuthorNames, .. own.OfType<string>()],
                StringComparer.Ordinal);
        }

        public string? Id { get; }

        public string? Title { get; }

        public string? Text { get; }

        public string? Outlet { get; }

        public string? Site { get; }

        public string? Url { get; }

        public string? Author { get; }

        public string? Date { get; }

        public HashSet<string> Wanted { get; }

        private static string? Normal(string? name) => name is null ? null : Normalize(name);
    }
}

/// <summary>The columns of one record (a JSON object, a CSV row), by normalised name.</summary>
internal interface IRecordFields
{
    /// <summary>A column's text; null when the record lacks it.</summary>
    string? Value(string normalizedName);

    /// <summary>A column's text as an article body (see <see cref="RecordBody"/>); null when the record lacks it.</summary>
    RecordBody? Body(string normalizedName);
}
