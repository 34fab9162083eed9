using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace NewsLens.Interactive;

/// <summary>
/// Rich notebook output for Plotly charts, DataFrames and the library's records, through
/// Microsoft.DotNet.Interactive.Formatting, which both VS Code's C# kernel and <c>newslens notebook run</c> use.
/// Call <c>NewsLens.Interactive.Formatters.Register();</c> once, in a notebook's first cell.
/// </summary>
public static class Formatters
{
    private const string Html = "text/html";
    private const string Plain = "text/plain";

    private static bool _hostWritesPage;
    private static int _plotlyEmitted;

    /// <summary>
    /// Registers the formatters (safe to call again). In a kernel, the first chart shown afterwards carries plotly.js, and each
    /// table its (small) stylesheet: a cell's outputs can be cleared on their own, and a table must not lose its look then.
    /// </summary>
    public static void Register() => Register(hostWritesPage: false);

    /// <summary>The runner's pages (reports, saved notebooks) carry plotly.js and the table stylesheet themselves, so outputs never do.</summary>
    internal static void Register(bool hostWritesPage)
    {
        _hostWritesPage |= hostWritesPage;
        Interlocked.Exchange(ref _plotlyEmitted, 0);
        lock (RegistrationLock)
        {
            // Registering twice would pile up equal candidates, and the formatting library's candidate sort then fails
            // ("IComparer.Compare() method returns inconsistent results").
            if (_registered)
                return;
            RegisterAll();
            _registered = true;
        }
    }

    private static readonly Lock RegistrationLock = new();
    private static bool _registered;

    private static void RegisterAll()
    {
        Formatter.Register<GenericChart>((chart, context) =>
        {
            // No network: plotly.js comes from Plotly.NET.dll, once per kernel session (VS Code's outputs share one page).
            if (!_hostWritesPage && Interlocked.Exchange(ref _plotlyEmitted, 1) == 0)
                context.Writer.Write(ChartHtml.PlotlyScriptElement());
            context.Writer.Write(ChartHtml.Fragment(chart));
            return true;
        }, Html);
        Formatter.Register<GenericChart>((chart, context) =>
        {
            context.Writer.Write(ChartHtml.Describe(chart));
            return true;
        }, Plain);

        Formatter.Register<DataFrame>((frame, context) =>
        {
            WriteTable(context, HtmlTable.Of(frame));
            return true;
        }, Html);
        Formatter.Register<DataFrame>((frame, context) =>
        {
            context.Writer.Write($"DataFrame: {frame.Rows.Count:N0} rows × {frame.Columns.Count} columns ({string.Join(", ", frame.Columns.Select(c => c.Name))})");
            return true;
        }, Plain);

        Formatter.Register<Article>((article, context) =>
        {
            context.Writer.Write(ArticleCard(article));
            return true;
        }, Html);
        Formatter.Register<Article>((article, context) =>
        {
            context.Writer.Write($"{article.Title ?? article.Id} ({article.Outlet ?? "unknown outlet"}, {article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated"}, {article.Words:N0} words)");
            return true;
        }, Plain);

        Formatter.Register<Corpus>((corpus, context) =>
        {
            WriteTable(context, CorpusSummary(corpus));
            return true;
        }, Html);

        // Query results (anonymous objects, records, strings) as tables rather than the default nested listing.
        Formatter.Register(typeof(IEnumerable<object>), (value, context) =>
        {
            WriteTable(context, HtmlTable.OfSequence((System.Collections.IEnumerable)value));
            return true;
        }, Html);

        RegisterRecordTables();
    }

    /// <summary>
    /// Every public record of the library (Quote, Mention, Diagnostic, scores…) shows as a property table, and a list of them
    /// as a paged table, without each capability having to know about notebooks.
    /// </summary>
    private static void RegisterRecordTables()
    {
        foreach (var type in typeof(Article).Assembly.GetExportedTypes())
        {
            if (type == typeof(Article) || type.IsGenericTypeDefinition || !IsRecord(type))
                continue;
            Formatter.Register(type, (value, context) =>
            {
                WriteTable(context, HtmlTable.OfRecord(value));
                return true;
            }, Html);
            foreach (var sequence in new[] { typeof(IEnumerable<>), typeof(IReadOnlyList<>), typeof(List<>), typeof(IReadOnlyCollection<>), typeof(IList<>) })
            {
                var elementType = type;
                Formatter.Register(sequence.MakeGenericType(type), (value, context) =>
                {
                    WriteTable(context, HtmlTable.OfItems(elementType, ((System.Collections.IEnumerable)value).Cast<object?>()));
                    return true;
                }, Html);
            }

            Formatter.Register(type.MakeArrayType(), (value, context) =>
            {
                WriteTable(context, HtmlTable.OfItems(type, ((System.Collections.IEnumerable)value).Cast<object?>()));
                return true;
            }, Html);
        }

        foreach (var sequence in new[] { typeof(IEnumerable<Article>), typeof(IReadOnlyList<Article>), typeof(List<Article>), typeof(Article[]) })
        {
            Formatter.Register(sequence, (value, context) =>
            {
                WriteTable(context, ArticleTable((IEnumerable<Article>)value));
                return true;
            }, Html);
        }
    }

    private static void WriteTable(FormatContext context, string table)
    {
        if (!_hostWritesPage)
            context.Writer.Write(HtmlTable.StyleElement());
        context.Writer.Write(table);
    }

    private static bool IsRecord(Type type) =>
        type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Public) is not null;

    internal static string ArticleTable(IEnumerable<Article> articles) => HtmlTable.Render(
        ["id", "title", "outlet", "published", "date_source", "words", "sentences"],
        articles.Take(HtmlTable.MaxRows).Select(a => (IReadOnlyList<object?>)[a.Id, a.Title, a.Outlet, a.Published, a.DateSource, a.Words, a.Sentences.Count]).ToList(),
        articles.LongCount());

    internal static string ArticleCard(Article article)
    {
        var e = HtmlTable.Escape;
        var html = new StringBuilder("<div class=\"newslens-article\" style=\"border-left:3px solid #4a6fa5;padding:0.3em 0.8em\">");
        html.Append("<div style=\"font-weight:600\">").Append(e(article.Title ?? article.Id)).Append("</div>");
        var facts = new List<string>
        {
            article.Outlet ?? "unknown outlet",
            article.Published is { } d ? d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + $" ({article.DateSource.ToString().ToLowerInvariant()})" : "undated",
            $"{article.Words:N0} words",
            $"{article.Sentences.Count:N0} sentences",
        };
        if (article.Author is { Length: > 0 } author)
            facts.Insert(1, author);
        html.Append("<div style=\"opacity:0.75;font-size:0.9em\">").Append(e(string.Join(" · ", facts))).Append("</div>");
        if (article.Url is { Length: > 0 } url)
            html.Append("<div style=\"font-size:0.85em\"><code>").Append(e(url)).Append("</code></div>");
        var excerpt = article.Text.Length > 400 ? article.Text[..400] + "…" : article.Text;
        html.Append("<p style=\"white-space:pre-wrap\">").Append(e(excerpt)).Append("</p></div>");
        return html.ToString();
    }

    internal static string CorpusSummary(Corpus corpus)
    {
        var dated = corpus.Articles.Where(a => a.Published is not null).Select(a => a.Published!.Value).ToList();
        var outlets = corpus.Articles.Select(a => a.Outlet).Where(o => o is not null).Distinct().Count();
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "articles", corpus.Count },
            new object?[] { "outlets", outlets },
            new object?[] { "words", corpus.Articles.Sum(a => (long)a.Words) },
            new object?[] { "sentences", corpus.Articles.Sum(a => (long)a.Sentences.Count) },
            new object?[] { "dated articles", dated.Count },
            new object?[] { "first date", dated.Count > 0 ? dated.Min() : null },
            new object?[] { "last date", dated.Count > 0 ? dated.Max() : null },
            new object?[] { "diagnostics", corpus.Diagnostics.Count },
        };
        return HtmlTable.Render(["corpus", "value"], rows, rows.Count, caption: false);
    }
}
