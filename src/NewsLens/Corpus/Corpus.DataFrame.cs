using Microsoft.Data.Analysis;

namespace NewsLens;

public sealed partial class Corpus
{
    /// <summary>The column names of <see cref="ToDataFrame"/>, in order.</summary>
    public static IReadOnlyList<string> ArticleColumns { get; } =
        ["id", "file", "index", "title", "outlet", "site", "author", "published", "published_at", "date_source", "url", "language", "words", "paragraphs", "text"];

    /// <summary>One row per article: id, file, index, title, outlet, site, author, published (date; null when unknown),
    /// published_at (ISO 8601 timestamp with the source's UTC offset, when the source gives a time of day), date_source
    /// (explicit, url, inferred, metadata, jsonld, none), url, language (ISO 639-1), words, paragraphs, text.</summary>
    public DataFrame ToDataFrame() => ToDataFrame(Articles);

    /// <inheritdoc cref="ToDataFrame()"/>
    public static DataFrame ToDataFrame(IEnumerable<Article> articles)
    {
        var list = articles as IReadOnlyList<Article> ?? articles.ToList();
        return new DataFrame(
            new StringDataFrameColumn("id", list.Select(a => a.Id)),
            new StringDataFrameColumn("file", list.Select(a => a.File)),
            new Int32DataFrameColumn("index", list.Select(a => a.Index)),
            new StringDataFrameColumn("title", list.Select(a => a.Title)),
            new StringDataFrameColumn("outlet", list.Select(a => a.Outlet)),
            new StringDataFrameColumn("site", list.Select(a => a.Site)),
            new StringDataFrameColumn("author", list.Select(a => a.Author)),
            new PrimitiveDataFrameColumn<DateTime>("published", list.Select(a => a.Published is { } d ? d.ToDateTime(TimeOnly.MinValue) : (DateTime?)null)),
            new StringDataFrameColumn("published_at", list.Select(a => a.PublishedAt)),
            new StringDataFrameColumn("date_source", list.Select(a => a.DateSource.ToString().ToLowerInvariant())),
            new StringDataFrameColumn("url", list.Select(a => a.Url)),
            new StringDataFrameColumn("language", list.Select(a => a.Language)),
            new Int32DataFrameColumn("words", list.Select(a => a.Words)),
            new Int32DataFrameColumn("paragraphs", list.Select(a => a.Paragraphs.Count)),
            new StringDataFrameColumn("text", list.Select(a => a.Text)));
    }
}
