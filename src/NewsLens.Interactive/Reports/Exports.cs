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

    /// <summary>The file chart pages load plotly.js from with <see cref="PlotlyMode.File"/>, beside them.</summary>
    public const string PlotlyFileName = "plotly.min.js";

    /// <summary>
    /// One chart as a page that works offline: plotly.js inside the page (<see cref="PlotlyMode.Embed"/>, one self-contained
    /// file), or loaded from <see cref="PlotlyFileName"/> written once beside it (<see cref="PlotlyMode.File"/>, for folders of
    /// many pages: 3.6 MB once instead of in each).
    /// </summary>
    public static void WriteChart(GenericChart chart, string path, string? title = null, PlotlyMode plotly = PlotlyMode.Embed)
    {
        title ??= ChartHtml.Describe(chart);
        string script;
        if (plotly == PlotlyMode.File)
        {
            var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, PlotlyFileName);
            if (!File.Exists(beside) || new FileInfo(beside).Length != Encoding.UTF8.GetByteCount(ChartHtml.PlotlyJs))
                AtomicFile.WriteAllText(beside, ChartHtml.PlotlyJs);
            script = $"<script type=\"text/javascript\" charset=\"utf-8\" src=\"{PlotlyFileName}\"></script>";
        }
        else
        {
            script = ChartHtml.PlotlyScriptElement();
        }

        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + WebUtility.HtmlEncode(title) + "</title>\n"
            + script + "\n</head>\n<body style=\"font-family:system-ui,sans-serif;margin:1rem\">\n"
            + ChartHtml.Fragment(chart) + "\n</body>\n</html>\n";
        AtomicFile.WriteAllText(path, page);
    }

    /// <summary>
    /// Takes <c>--plotly embed|file</c> out of a script's arguments (embed when absent); <paramref name="rest"/> keeps the
    /// others in order. False, with the <paramref name="problem"/>, for a missing or unknown value.
    /// </summary>
    public static bool TryPlotlyOption(string[] args, out PlotlyMode plotly, out string[] rest, out string? problem)
    {
        plotly = PlotlyMode.Embed;
        problem = null;
        var kept = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != "--plotly")
            {
                kept.Add(args[i]);
                continue;
            }

            var value = i + 1 < args.Length ? args[++i] : "";
            if (!value.Equals("embed", StringComparison.OrdinalIgnoreCase) && !value.Equals("file", StringComparison.OrdinalIgnoreCase))
            {
                problem = $"--plotly: '{value}' is not embed or file";
                rest = [];
                return false;
            }

            plotly = value.Equals("file", StringComparison.OrdinalIgnoreCase) ? PlotlyMode.File : PlotlyMode.Embed;
        }

        rest = [.. kept];
        return true;
    }
}

/// <summary>Where a chart page gets plotly.js.</summary>
public enum PlotlyMode
{
    /// <summary>Inside the page: one self-contained file.</summary>
    Embed,

    /// <summary>From plotly.min.js beside the page, written once for a folder of pages.</summary>
    File,
}
