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

    public static string Of(DataFrame frame)
    {
        var columns = frame.Columns.Select(c => c.Name).ToList();
        var rows = new List<IReadOnlyList<object?>>();
        for (long r = 0; r < Math.Min(frame.Rows.Count, MaxRows); r++)
            rows.Add(frame.Columns.Select(c => c[r]).ToList());
        return Render(columns, rows, frame.Rows.Count);
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
            var rows = new List<IReadOnlyList<object?>>();
            long total = 0;
            foreach (var item in items)
            {
                if (rows.Count < MaxRows)
                    rows.Add([item]);
                total++;
            }

            return Render(["value"], rows, total);
        }

        return OfItems(elementType, items);
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(object);

    internal static string OfItems(Type elementType, IEnumerable<object?> items)
    {
        var properties = TableProperties(elementType);
        var rows = new List<IReadOnlyList<object?>>();
        long total = 0;
        foreach (var item in items)
        {
            if (rows.Count < MaxRows)
                rows.Add(properties.Select(p => item is null ? null : Value(p, item)).ToList());
            total++;
        }

        return Render(properties.Select(p => p.Name).ToList(), rows, total);
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

    internal static string Render(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<object?>> rows, long total, bool caption = true)
    {
        var id = $"newslens-table-{Interlocked.Increment(ref _counter)}";
        var html = new StringBuilder();
        html.Append("<div class=\"newslens-table\" id=\"").Append(id).Append("\"><table><thead><tr>");
        foreach (var column in columns)
            html.Append("<th>").Append(Escape(column)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < rows.Count; r++)
        {
            html.Append(r < PageSize ? "<tr>" : "<tr style=\"display:none\">");
            foreach (var value in rows[r])
            {
                var text = Text(value);
                var numeric = value is not null && IsNumeric(value);
                html.Append(numeric ? "<td style=\"text-align:right\"" : "<td style=\"max-width:26em\"");
                if (text.Length > MaxCellLength)
                    html.Append(" title=\"").Append(Escape(text)).Append("\">").Append(Escape(text[..MaxCellLength])).Append('…');
                else
                    html.Append('>').Append(Escape(text));
                html.Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (caption)
        {
            var shown = Math.Min(rows.Count, PageSize);
            html.Append("<p class=\"newslens-caption\" style=\"font-size:0.85em;color:#555\">")
                .Append(Count(total, "row")).Append(" × ").Append(Count(columns.Count, "column"));
            if (rows.Count > PageSize)
            {
                html.Append(" · <span class=\"newslens-page\">rows 1–").Append(shown).Append("</span> ")
                    .Append("<button type=\"button\" data-step=\"-1\">‹ previous</button> <button type=\"button\" data-step=\"1\">next ›</button>");
            }

            if (total > rows.Count)
                html.Append(" · the first ").Append(rows.Count.ToString("N0", CultureInfo.InvariantCulture)).Append(" rows are included");
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
