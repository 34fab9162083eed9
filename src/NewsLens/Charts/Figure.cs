using System.Globalization;
using Plotly.NET;

namespace NewsLens;

/// <summary>
/// Builds a Plotly figure from plain trace and layout attributes (plotly.js names), so every chart states exactly what it
/// draws; Plotly.NET serialises it. No template is applied: plotly.js defaults plus the layout set here.
/// </summary>
internal sealed class Figure
{
    private readonly List<Trace> _traces = [];
    private readonly Layout _layout = new();

    public Figure(string title, string? subtitle = null)
    {
        // plotly.js 2.28 has no subtitle attribute: a smaller second line is its documented idiom.
        var text = subtitle is null ? title : $"{title}<br><sup>{subtitle}</sup>";
        Set("title", new Dictionary<string, object> { ["text"] = text, ["x"] = 0.02, ["xanchor"] = "left" });
        Set("font", new Dictionary<string, object> { ["family"] = "system-ui, -apple-system, Segoe UI, sans-serif", ["size"] = 13 });
        Set("hovermode", "closest");
        Set("margin", new Dictionary<string, object> { ["t"] = subtitle is null ? 60 : 80, ["l"] = 60, ["r"] = 30, ["b"] = 60 });
        // Legend at the right, top-aligned: below the plot it collided with the x-axis title.
        Set("legend", new Dictionary<string, object> { ["orientation"] = "v", ["x"] = 1.02, ["xanchor"] = "left", ["y"] = 1, ["yanchor"] = "top" });
    }

    /// <summary>
    /// A chart that says why there is nothing to draw (an undated corpus has no time axis): the title, the reason in the
    /// middle, and no invented axes.
    /// </summary>
    public static GenericChart Nothing(string title, string subtitle, string message)
    {
        var hidden = new Dictionary<string, object> { ["visible"] = false };
        return new Figure(title, subtitle)
            .Set("xaxis", hidden)
            .Set("yaxis", hidden)
            .Set("annotations", new[]
            {
                new Dictionary<string, object>
                {
                    ["text"] = message, ["xref"] = "paper", ["yref"] = "paper", ["x"] = 0.5, ["y"] = 0.5, ["showarrow"] = false,
                    ["font"] = new Dictionary<string, object> { ["size"] = 15, ["color"] = "#57606a" },
                },
            })
            .Height(260)
            .Build();
    }

    public Figure Set(string attribute, object value)
    {
        _layout.SetProperty(attribute, value);
        return this;
    }

    public Figure Axis(string axis, string title, string? type = null, bool reversed = false, bool categoryOrderAsGiven = false)
    {
        var style = new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = title }, ["automargin"] = true };
        if (type is not null) style["type"] = type;
        if (reversed) style["autorange"] = "reversed";
        if (categoryOrderAsGiven) style["categoryorder"] = "trace";
        return Set(axis, style);
    }

    /// <summary>An axis of counts: whole-number ticks only (one per unit while the counts are small), starting at zero.</summary>
    public Figure CountAxis(string axis, string title, double max, bool reversed = false)
    {
        var style = new Dictionary<string, object>
        {
            ["title"] = new Dictionary<string, object> { ["text"] = title }, ["automargin"] = true, ["rangemode"] = "tozero", ["tickformat"] = ",d",
        };
        if (max <= 10)
            style["dtick"] = 1; // plotly would otherwise tick 0.5, 1.5, … on small counts
        if (reversed) style["autorange"] = "reversed";
        return Set(axis, style);
    }

    public Figure Height(int pixels) => Set("height", pixels);

    /// <summary>Adds a trace of the given plotly type; attributes are plotly.js names (x, y, hovertemplate…).</summary>
    public Figure Trace(string type, params (string Name, object? Value)[] attributes)
    {
        var trace = new Trace2D(type);
        foreach (var (name, value) in attributes)
            if (value is not null)
                trace.SetProperty(name, value);
        _traces.Add(trace);
        return this;
    }

    public GenericChart Build() => GenericChart.setLayout(_layout, GenericChart.ofTraceObjects(false, _traces));

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A qualitative palette (plotly's default colorway), assigned to series in order.</summary>
    internal static readonly string[] Palette =
        ["#636efa", "#ef553b", "#00cc96", "#ab63fa", "#ffa15a", "#19d3f3", "#ff6692", "#b6e880", "#ff97ff", "#fecb52"];

    internal static string Color(int index) => Palette[index % Palette.Length];

    internal static string Transparent(string hex, double alpha)
    {
        var r = Convert.ToInt32(hex[1..3], 16);
        var g = Convert.ToInt32(hex[3..5], 16);
        var b = Convert.ToInt32(hex[5..7], 16);
        return $"rgba({r},{g},{b},{alpha.ToString("0.##", CultureInfo.InvariantCulture)})";
    }
}
