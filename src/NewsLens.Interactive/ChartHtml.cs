using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Plotly.NET;

namespace NewsLens.Interactive;

/// <summary>
/// HTML for Plotly charts without any network access: a chart fragment that draws once plotly.js is present, and
/// plotly.js itself, read from the copy embedded in Plotly.NET.dll, to include once per page.
/// </summary>
/// <remarks>
/// Charts are serialised here rather than by <c>GenericChart.toFigureJson</c>: that goes through Plotly.NET's <c>Globals</c>
/// module, whose initialiser builds Giraffe.ViewEngine tags, and inside a .NET Interactive kernel Giraffe binds to the
/// kernel's FSharp.Core 10.0 while Plotly.NET binds to 10.1 (see Directory.Packages.props): <c>Globals</c> then fails with
/// MissingMethodException. Traces and layout are DynamicObj values that serialise the same way without it.
/// </remarks>
public static class ChartHtml
{
    /// <summary>Marks chart fragments, so a page writer knows it needs plotly.js.</summary>
    public const string Marker = "data-newslens-chart";

    private static int _counter;

    private static readonly Lazy<string> Script = new(() =>
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames()
            .First(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    /// <summary>plotly.js (minified, the version Plotly.NET was built against).</summary>
    public static string PlotlyJs => Script.Value;

    /// <summary>A <c>&lt;script&gt;</c> element holding plotly.js, for a page's head.</summary>
    public static string PlotlyScriptElement() =>
        "<script type=\"text/javascript\">" + PlotlyJs.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "</script>";

    /// <summary>
    /// The chart as a div plus a script that draws it when plotly.js is loaded (waits for it otherwise). Text from the data
    /// (titles, hover text) stays inside JSON strings, with '&lt;' escaped, so it can never close the script.
    /// </summary>
    public static string Fragment(GenericChart chart)
    {
        var figure = FigureJson(chart);
        var safe = EscapeForScript(figure);
        var id = $"newslens-chart-{Interlocked.Increment(ref _counter)}";
        var height = GenericChart.tryGetLayoutSize(chart).Item2 is { } h ? h.Value : 480;
        return $"<div class=\"newslens-chart\" {Marker}><div id=\"{id}\" style=\"width:100%;min-height:{height}px\"></div>\n"
            + "<script type=\"text/javascript\">(function(){var fig=" + safe + ";var draw=function(){if(window.Plotly){Plotly.newPlot('"
            + id + "',fig.data,fig.layout,Object.assign({responsive:true,displaylogo:false},fig.config));}else{setTimeout(draw,50);}};draw();})();</script></div>";
    }

    private static readonly JsonSerializerSettings Json = new() { ReferenceLoopHandling = ReferenceLoopHandling.Serialize };

    /// <summary>The chart as plotly.js figure JSON: <c>{"data": [traces], "layout": {...}, "config": {...}}</c>.</summary>
    public static string FigureJson(GenericChart chart) => JsonConvert.SerializeObject(
        new Dictionary<string, object>
        {
            ["data"] = GenericChart.getTraces(chart),
            ["layout"] = GenericChart.getLayout(chart),
            ["config"] = GenericChart.getConfig(chart),
        },
        Json);

    /// <summary>A one-line description of a chart (its title), for text/plain outputs.</summary>
    public static string Describe(GenericChart chart)
    {
        try
        {
            var layout = JsonNode.Parse(FigureJson(chart))?["layout"];
            var title = layout?["title"]?["text"]?.GetValue<string>();
            return title is null ? "Plotly chart" : $"Plotly chart: {title}";
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return "Plotly chart";
        }
    }

    /// <summary>'&lt;', '&gt;' and '&amp;' only occur inside JSON strings, where their \u escapes mean the same.</summary>
    internal static string EscapeForScript(string json) =>
        json.Replace("<", "\\u003c", StringComparison.Ordinal)
            .Replace(">", "\\u003e", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal)
            .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
            .Replace("\u2029", "\\u2029", StringComparison.Ordinal);
}
