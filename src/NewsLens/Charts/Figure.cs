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
        Set("legend", new Dictionary<string, object> { ["orientation"] = "h", ["y"] = -0.2 });
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
