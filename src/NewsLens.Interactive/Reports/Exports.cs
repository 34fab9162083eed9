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
    /// <summary>RFC 4180 CSV: a header row, fields quoted when they hold a comma, quote or line break; NaN is an empty field.</summary>
    public static void WriteCsv(DataFrame frame, string path)
    {
        var text = new StringBuilder();
        CsvText.AppendRow(text, frame.Columns.Select(c => (object?)c.Name));
        for (long row = 0; row < frame.Rows.Count; row++)
            CsvText.AppendRow(text, frame.Columns.Select(c => c[row]));
        AtomicFile.WriteAllText(path, text.ToString());
    }

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
