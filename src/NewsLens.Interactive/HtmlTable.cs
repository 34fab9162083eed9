using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.Data.Analysis;

namespace NewsLens.Interactive;

/// <summary>
/// Readable HTML tables for DataFrames and lists of records: a header, the first page of rows shown, further pages one click
/// away (rows beyond the first page are in the HTML but hidden, so pages without scripts still show page one). Every cell is
/// HTML-escaped: article text in a table can never become markup.
/// </summary>
public static class HtmlTable
{
    /// <summary>Rows per page.</summary>
    public static int PageSize { get; set; } = 15;

    /// <summary>Most rows written into the page; the caption says when more exist.</summary>
    public static int MaxRows { get; set; } = 500;

    /// <summary>Longest text shown in a cell; longer values are cut with an ellipsis (the full text is in the tooltip).</summary>
    public static int MaxCellLength { get; set; } = 100;

    private static int _counter;

    /// <summary>Marks table outputs, so a page writer knows it needs the table stylesheet.</summary>
    internal const string Marker = "class=\"newslens-table\"";

    /// <summary>Largest CSV of a table's full data embedded as a download link; larger tables say how to export them instead.</summary>
    public static int MaxCsvBytes { get; set; } = 32 << 20;

    public static string Of(DataFrame frame)
    {
        var columns = frame.Columns.Select(c => c.Name).ToList();
        var rows = new List<IReadOnlyList<object?>>();
        for (long r = 0; r < Math.Min(frame.Rows.Count, MaxRows); r++)
            rows.Add(frame.Columns.Select(c => c[r]).ToList());
        return Render(columns, rows, frame.Rows.Count, csv: () => FullCsv(columns, RowsOf(frame)));
    }

    private static IEnumerable<IEnumerable<object?>> RowsOf(DataFrame frame)
    {
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            var row = r;
            yield return frame.Columns.Select(c => c[row]);
        }
    }

    /// <summary>All rows as CSV, or null when that would pass <see cref="MaxCsvBytes"/>.</summary>
    private static string? FullCsv(IReadOnlyList<string> columns, IEnumerable<IEnumerable<object?>> rows)
    {
        var text = new StringBuilder();
        CsvText.AppendRow(text, columns);
        foreach (var row in rows)
        {
            CsvText.AppendRow(text, row);
            if (text.Length > MaxCsvBytes)
                return null;
        }

        return text.ToString();
    }

    /// <summary>A table of the public scalar properties of each item (collections show their size).</summary>
    public static string Of<T>(IEnumerable<T> items) => OfItems(typeof(T), items.Cast<object?>());

    /// <summary>Any sequence: one column for strings and numbers, otherwise the element type's properties.</summary>
    public static string OfSequence(IEnumerable sequence)
    {
        var items = sequence.Cast<object?>();
        var declared = sequence.GetType().GetInterfaces().Append(sequence.GetType())
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0] ?? typeof(object);
        var elementType = declared == typeof(object) || declared.IsInterface || declared.IsAbstract
            ? items.FirstOrDefault(i => i is not null)?.GetType() ?? typeof(object)
            : declared;
        if (IsScalar(elementType))
        {
            var all = items.ToList();
            var rows = all.Take(MaxRows).Select(item => (IReadOnlyList<object?>)[item]).ToList();
            return Render(["value"], rows, all.Count, csv: () => FullCsv(["value"], all.Select(item => (IEnumerable<object?>)[item])));
        }

        return OfItems(elementType, items);
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(object);

    internal static string OfItems(Type elementType, IEnumerable<object?> items)
    {
        var properties = TableProperties(elementType);
        var all = items.ToList();
        var rows = all.Take(MaxRows).Select(item => (IReadOnlyList<object?>)properties.Select(p => item is null ? null : Value(p, item)).ToList()).ToList();
        var names = properties.Select(p => p.Name).ToList();
        return Render(names, rows, all.Count,
            csv: () => FullCsv(names, all.Select(item => properties.Select(p => item is null ? null : Value(p, item)))));
    }

    /// <summary>A two-column property/value table for one record.</summary>
    public static string OfRecord(object item)
    {
        var rows = item.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => (IReadOnlyList<object?>)[p.Name, Value(p, item)])
            .ToList();
        return Render(["property", "value"], rows, rows.Count, caption: false);
    }

    internal static List<PropertyInfo> TableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .ToList();

    private static object? Value(PropertyInfo property, object item)
    {
        try
        {
            return property.GetValue(item);
        }
        catch (TargetInvocationException e)
        {
            return $"({e.InnerException?.GetType().Name})";
        }
    }

    internal static string Render(
        IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<object?>> rows, long total, bool caption = true, Func<string?>? csv = null)
    {
        var id = $"newslens-table-{Interlocked.Increment(ref _counter)}";
        var (kinds, widths) = ColumnKinds(columns.Count, rows);
        var html = new StringBuilder();
        html.Append("<div ").Append(Marker).Append(" id=\"").Append(id).Append("\"><div class=\"newslens-scroll\"><table><thead><tr>");
        for (var c = 0; c < columns.Count; c++)
        {
            html.Append(kinds[c] switch
            {
                ColumnKind.Number => "<th class=\"newslens-num\">",
                // The header sets the column's width: as wide as its text up to a reading measure, never squeezed below a
                // few words (the browser would otherwise give long text the leftovers of a wide table).
                ColumnKind.Text => $"<th class=\"newslens-text\" style=\"min-width:{Math.Min(widths[c], TextMinWidth)}ch;width:{widths[c]}ch\">",
                _ => "<th>",
            });
            html.Append(Escape(columns[c])).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < rows.Count; r++)
        {
            html.Append(r < PageSize ? "<tr>" : "<tr style=\"display:none\">");
            for (var c = 0; c < rows[r].Count; c++)
            {
                var text = Text(rows[r][c]);
                html.Append(kinds[c] switch
                {
                    ColumnKind.Number => "<td class=\"newslens-num\"",
                    ColumnKind.Text => "<td class=\"newslens-text\"",
                    _ => "<td",
                });
                if (text.Length > MaxCellLength)
                    html.Append(" title=\"").Append(Escape(text)).Append("\">").Append(Escape(text[..MaxCellLength])).Append('…');
                else
                    html.Append('>').Append(Escape(text));
                html.Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
        if (caption)
        {
            var shown = Math.Min(rows.Count, PageSize);
            html.Append("<p class=\"newslens-caption\">")
                .Append(Count(total, "row")).Append(" × ").Append(Count(columns.Count, "column"));
            if (rows.Count > PageSize)
            {
                html.Append(" · <span class=\"newslens-page\">rows 1–").Append(shown).Append("</span> ")
                    .Append("<button type=\"button\" data-step=\"-1\">‹ previous</button> <button type=\"button\" data-step=\"1\">next ›</button>");
            }

            if (total > rows.Count)
                html.Append(" · the first ").Append(rows.Count.ToString("N0", CultureInfo.InvariantCulture)).Append(" rows are included");
            // More rows than one screen: the full data goes with the table as a CSV download (a data: link works offline).
            if (total > PageSize && csv is not null)
            {
                html.Append(" · ");
                if (csv() is { } text)
                {
                    html.Append("<a class=\"newslens-csv\" download=\"").Append(id)
                        .Append(".csv\" href=\"data:text/csv;charset=utf-8;base64,").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)))
                        .Append("\">all ").Append(Count(total, "row")).Append(" as CSV</a>");
                }
                else
                {
                    html.Append("too large to embed as CSV: export it with Exports.WriteCsv or newslens --format csv");
                }
            }

            html.Append("</p>");
            if (rows.Count > PageSize)
                html.Append(PagerScript(id, rows.Count));
        }

        html.Append("</div>");
        return html.ToString();
    }

    private static string PagerScript(string id, int rows) =>
        "<script type=\"text/javascript\">(function(){var root=document.getElementById('" + id + "');var size=" + PageSize
        + ",rows=root.querySelectorAll('tbody tr'),page=0,pages=Math.ceil(" + rows + "/size);"
        + "root.querySelectorAll('button').forEach(function(b){b.addEventListener('click',function(){page=Math.min(pages-1,Math.max(0,page+parseInt(b.dataset.step)));"
        + "rows.forEach(function(r,i){r.style.display=(i>=page*size&&i<(page+1)*size)?'':'none';});"
        + "root.querySelector('.newslens-page').textContent='rows '+(page*size+1)+'–'+Math.min(" + rows + ",(page+1)*size);});});})();</script>";

    private static string Count(long n, string noun) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    /// <summary>How a column reads: numbers right-aligned, long text wrapped at a reading width, anything else (ids, dates,
    /// names, categories) on one line. Decided per column over every row included, so all pages of a table line up.</summary>
    internal enum ColumnKind { Short, Number, Text }

    /// <summary>Columns whose longest shown value is longer than this wrap; shorter ones stay on one line.</summary>
    internal const int WrapAfter = 32;

    /// <summary>Narrowest a text column gets in a table too wide for the page (which then scrolls sideways anyway).</summary>
    internal const int TextMinWidth = 28;

    internal const int TextMaxWidth = 48;

    /// <summary>Each column's kind, and for text columns its width in characters (its longest value, at most a reading measure).</summary>
    internal static (ColumnKind[] Kinds, int[] Widths) ColumnKinds(int columns, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        var kinds = new ColumnKind[columns];
        var widths = new int[columns];
        for (var c = 0; c < columns; c++)
        {
            var values = rows.Select(r => c < r.Count ? r[c] : null).Where(v => v is not null && !(v is double d && double.IsNaN(d))).ToList();
            if (values.Count > 0 && values.All(v => IsNumeric(v!)))
                kinds[c] = ColumnKind.Number;
            else if (values.Count > 0 && values.Max(v => Math.Min(Text(v).Length, MaxCellLength)) is var longest && longest > WrapAfter)
                (kinds[c], widths[c]) = (ColumnKind.Text, Math.Min(longest, TextMaxWidth));
        }

        return (kinds, widths);
    }

    /// <summary>
    /// The tables' look, scoped to <c>.newslens-table</c>: written once in a report's head, and with each table in a kernel
    /// (VS Code). Colours come from the surrounding page (currentColor, translucent greys, the editor's background), so tables
    /// suit light and dark themes alike.
    /// </summary>
    internal const string Css = """
        .newslens-table{--newslens-line:rgba(128,128,128,.35);--newslens-tint:rgba(128,128,128,.12);margin:.4em 0;max-width:100%}
        .newslens-table .newslens-scroll{box-sizing:border-box;max-height:min(36rem,80vh);overflow:auto;width:fit-content;max-width:100%;border:1px solid var(--newslens-line);border-radius:4px}
        .newslens-table table{border-collapse:separate;border-spacing:0;margin:0;font-size:.9em;color:inherit;background:none}
        .newslens-table th,.newslens-table td{border:0;border-right:1px solid var(--newslens-line);border-bottom:1px solid var(--newslens-line);padding:.25em .55em;vertical-align:top;text-align:left;white-space:nowrap;color:inherit}
        .newslens-table th:last-child,.newslens-table td:last-child{border-right:0}
        .newslens-table tbody tr:last-child td{border-bottom:0}
        .newslens-table thead th{position:sticky;top:0;z-index:1;font-weight:600;background-color:var(--vscode-notebook-outputContainerBackgroundColor,var(--vscode-editor-background,Canvas));background-image:linear-gradient(var(--newslens-tint),var(--newslens-tint));box-shadow:0 1px 0 var(--newslens-line)}
        .newslens-table tbody tr:nth-child(even){background:rgba(128,128,128,.06)}
        .newslens-table .newslens-num{text-align:right;font-variant-numeric:tabular-nums}
        .newslens-table td.newslens-text{white-space:normal;overflow-wrap:anywhere;line-height:1.4}
        .newslens-table th.newslens-text{white-space:normal}
        .newslens-table .newslens-caption{font-size:.85em;opacity:.75;margin:.3em 0}
        .newslens-table button{font:inherit;color:inherit;background:var(--newslens-tint);border:1px solid var(--newslens-line);border-radius:3px;padding:0 .5em;cursor:pointer}
        @media print{.newslens-table .newslens-scroll{max-height:none;overflow:visible;border:0;width:auto}.newslens-table thead th{position:static}.newslens-table table{font-size:.7em}.newslens-table th,.newslens-table td,.newslens-table td.newslens-text{white-space:normal;overflow-wrap:break-word;min-width:0!important;width:auto!important}.newslens-table .newslens-text{min-width:14ch!important}.newslens-table .newslens-num{white-space:nowrap}.newslens-table button{display:none}}
        """;

    /// <summary>The tables' CSS as a <c>&lt;style&gt;</c> element.</summary>
    internal static string StyleElement() => StyleText;

    private static readonly string StyleText = "<style>" + Css + "</style>";

    private static bool IsNumeric(object value) => value is byte or short or int or long or float or double or decimal or uint or ulong;

    internal static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => double.IsNaN(d) ? "" : d.ToString(Math.Abs(d) >= 1000 || d == Math.Floor(d) ? "#,0.###" : "0.###", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("0.###", CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        ICollection c => $"{c.Count} item{(c.Count == 1 ? "" : "s")}",
        IEnumerable e => $"{e.Cast<object>().Count()} items",
        _ when value.GetType().GetProperty("Name") is { } name && name.PropertyType == typeof(string) => name.GetValue(value) as string ?? "",
        _ => value.ToString() ?? "",
    };

    internal static string Escape(string text) => WebUtility.HtmlEncode(text);
}
