using Microsoft.Data.Analysis;

namespace NewsLens;

/// <summary>
/// A line of a scraped page (.txt, .md) that is not in any article's text, and why: dropped as boilerplate, or used as
/// the title, date, byline, URL or outlet signature (<see cref="Used"/>).
/// </summary>
/// <param name="File">The file, relative to the input it came from (as <see cref="Article.File"/>).</param>
/// <param name="Line">1-based line number; a hard-wrapped block joined into one unit reports its first line.</param>
/// <param name="Text">The line as in the file (trimmed; a joined block's lines separated by spaces).</param>
/// <param name="Reason">The rule that dropped or used it.</param>
public sealed record RemovedLine(string File, int Line, string Text, RemovalReason Reason)
{
    /// <summary>True for metadata lines (title, date, byline, URL, signature): used, not thrown away.</summary>
    public bool Used => Reason >= RemovalReason.Title;

    /// <summary>The reason as written in data frames and the CLI: snake_case ("after_end").</summary>
    public string ReasonName => Name(Reason);

    /// <summary>The column names of <see cref="ToDataFrame"/>, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["file", "line", "reason", "used", "text"];

    /// <summary>One row per line: file, line, reason (snake_case), used, text.</summary>
    public static DataFrame ToDataFrame(IEnumerable<RemovedLine> lines)
    {
        var list = lines as IReadOnlyList<RemovedLine> ?? lines.ToList();
        return new DataFrame(
            new StringDataFrameColumn("file", list.Select(l => l.File)),
            new Int32DataFrameColumn("line", list.Select(l => l.Line)),
            new StringDataFrameColumn("reason", list.Select(l => l.ReasonName)),
            new BooleanDataFrameColumn("used", list.Select(l => l.Used)),
            new StringDataFrameColumn("text", list.Select(l => l.Text)));
    }

    /// <summary>Line counts per file and reason (columns file, reason, used, lines; ordered by file, then reason in
    /// <see cref="RemovalReason"/> order), or per reason over all files (no file column) when <paramref name="perFile"/> is false.</summary>
    public static DataFrame Summary(IEnumerable<RemovedLine> lines, bool perFile = true)
    {
        var groups = lines.GroupBy(l => (File: perFile ? l.File : "", l.Reason))
            .OrderBy(g => g.Key.File, StringComparer.Ordinal).ThenBy(g => g.Key.Reason).ToList();
        var frame = new DataFrame(
            new StringDataFrameColumn("reason", groups.Select(g => Name(g.Key.Reason))),
            new BooleanDataFrameColumn("used", groups.Select(g => g.Key.Reason >= RemovalReason.Title)),
            new Int32DataFrameColumn("lines", groups.Select(g => g.Count())));
        if (perFile)
            frame.Columns.Insert(0, new StringDataFrameColumn("file", groups.Select(g => g.Key.File)));
        return frame;
    }

    internal static string Name(RemovalReason reason) => reason switch
    {
        RemovalReason.AfterEnd => "after_end",
        _ => reason.ToString().ToLowerInvariant(),
    };
}

/// <summary>Why a line of a scraped page is not in the article text. Members from <see cref="Title"/> on are metadata, used rather than removed.</summary>
public enum RemovalReason
{
    /// <summary>Matched a boilerplate "drop" pattern (navigation, share buttons, newsletter and subscribe prompts, cookie notices).</summary>
    Boilerplate,

    /// <summary>An image caption or photo credit.</summary>
    Caption,

    /// <summary>Matched a "meta" pattern (reading time, "2 hours ago", tags) without giving a date.</summary>
    Meta,

    /// <summary>A repeat of a line already seen (headline printed twice, caption and alt text, a repeated paragraph).</summary>
    Duplicate,

    /// <summary>A teaser for another story: a "read more" line, or a headline with a cut-off excerpt and no body.</summary>
    Teaser,

    /// <summary>A cut-off excerpt ("...") on its own.</summary>
    Excerpt,

    /// <summary>An in-body subheading: short, headline-like, only separates paragraphs.</summary>
    Subheading,

    /// <summary>A short line before the story starts that is not the headline (section labels, menu items).</summary>
    Header,

    /// <summary>An end-of-story marker and what follows it (footers, related lists) that forms no embedded story.</summary>
    AfterEnd,

    /// <summary>A line with nothing left after markup is removed (an image, a rule).</summary>
    Markup,

    /// <summary>Used: the article's title.</summary>
    Title,

    /// <summary>Used: the publication date line.</summary>
    Date,

    /// <summary>Used: the byline (author, maybe with a date).</summary>
    Byline,

    /// <summary>Used: the article's URL.</summary>
    Url,

    /// <summary>Used: an outlet, site or repost signature ("Published by ...", "Originally appeared in ...").</summary>
    Signature,
}
