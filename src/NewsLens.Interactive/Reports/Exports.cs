using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;
using NewsLens.Interactive.Notebooks;
using Plotly.NET;

namespace NewsLens.Interactive.Reports;

/// <summary>Files for scripts: a DataFrame as CSV (invariant culture, ISO dates) and a chart as a standalone, offline HTML page.</summary>
public static class Exports
{
    /// <summary>RFC 4180 CSV: a header row, fields quoted when they hold a comma, quote or line break.</summary>
    public static void WriteCsv(DataFrame frame, string path)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', frame.Columns.Select(c => Quote(c.Name))).Append("\r\n");
        for (long row = 0; row < frame.Rows.Count; row++)
            text.AppendJoin(',', frame.Columns.Select(c => Quote(Field(c[row])))).Append("\r\n");
        AtomicFile.WriteAllText(path, text.ToString());
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Field(object? value) => value switch
    {
        null => "",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("s", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>One chart as a page that works offline (plotly.js inside).</summary>
    public static void WriteChart(GenericChart chart, string path, string? title = null)
    {
        title ??= ChartHtml.Describe(chart);
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + WebUtility.HtmlEncode(title) + "</title>\n"
            + ChartHtml.PlotlyScriptElement() + "\n</head>\n<body style=\"font-family:system-ui,sans-serif;margin:1rem\">\n"
            + ChartHtml.Fragment(chart) + "\n</body>\n</html>\n";
        AtomicFile.WriteAllText(path, page);
    }
}
