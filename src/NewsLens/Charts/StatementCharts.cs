using System.Net;
using Humanizer;
using Plotly.NET;

namespace NewsLens;

/// <summary>Statements that travelled: who carried them, when, first carrier marked, and how the wording changed.</summary>
public static class StatementCharts
{
    /// <summary>Horizontal bars of the statements carried by the most outlets (then articles); hover gives the text and first carrier.</summary>
    public static GenericChart MostCarried(IEnumerable<Statement> statements, int top = 10)
    {
        var list = statements.Where(s => s.Renderings.Count > 1)
            .OrderByDescending(s => s.Outlets.Count).ThenByDescending(s => s.Articles).ThenByDescending(s => s.Renderings.Count)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Take(top).ToList();
        var labels = list.Select(Label).ToArray();
        var figure = new Figure($"Statements that travelled: the {"most widely carried statement".ToQuantity(list.Count, ShowQuantityAs.None)}",
            "bars: outlets and articles carrying each statement (all renderings: fragments, repeats, translations)");
        figure.Trace("bar", ("orientation", "h"), ("name", "outlets"), ("y", labels), ("x", list.Select(s => s.Outlets.Count).ToArray()),
            ("marker", new Dictionary<string, object> { ["color"] = Figure.Color(0) }),
            ("customdata", list.Select(s => Html($"{s.Speaker ?? "unattributed"}: “{s.Text}”") + $"<br>{s.Outlets.Count} outlets: {Html(string.Join(", ", s.Outlets))}<br>first: {Html(First(s))}").ToArray()),
            ("hovertemplate", QuoteCharts.Hover));
        figure.Trace("bar", ("orientation", "h"), ("name", "articles"), ("y", labels), ("x", list.Select(s => s.Articles).ToArray()),
            ("marker", new Dictionary<string, object> { ["color"] = Figure.Color(2) }),
            ("customdata", list.Select(s => $"{"article".ToQuantity(s.Articles)}, {"rendering".ToQuantity(s.Renderings.Count)}").ToArray()),
            ("hovertemplate", QuoteCharts.Hover));
        return figure.Set("barmode", "group").Axis("xaxis", "Outlets / articles").Axis("yaxis", "", reversed: true, categoryOrderAsGiven: true)
            .Height(Math.Max(320, 100 + 46 * list.Count)).Build();
    }

    /// <summary>
    /// A timeline per statement: one row per statement, a marker per dated rendering coloured by outlet, the first
    /// carrier drawn as a star. Undated renderings are counted in the subtitle, never placed on a guessed date.
    /// </summary>
    public static GenericChart Timeline(IEnumerable<Statement> statements, int top = 8)
    {
        var list = statements.Where(s => s.Renderings.Count > 1)
            .OrderByDescending(s => s.Outlets.Count).ThenByDescending(s => s.Articles).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Take(top).ToList();
        var dated = list.SelectMany(s => s.Renderings.Where(r => r.Date is not null).Select(r => (Statement: s, Rendering: r))).ToList();
        var undated = list.Sum(s => s.Renderings.Count(r => r.Date is null));
        var outlets = dated.Select(d => d.Rendering.Outlet ?? "unknown outlet").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var figure = new Figure("Statements over time: who carried each one, and who was first",
            "★ first carrier; each dot a rendering, coloured by outlet" + (undated > 0 ? $"; {"undated rendering".ToQuantity(undated)} not shown" : ""));
        for (var i = 0; i < outlets.Count; i++)
        {
            var outlet = outlets[i];
            var points = dated.Where(d => (d.Rendering.Outlet ?? "unknown outlet") == outlet).ToList();
            figure.Trace("scatter", ("mode", "markers"), ("name", outlet),
                ("x", points.Select(p => Figure.Date(p.Rendering.Date!.Value)).ToArray()),
                ("y", points.Select(p => Label(p.Statement)).ToArray()),
                ("marker", new Dictionary<string, object>
                {
                    ["color"] = Figure.Color(i),
                    ["size"] = points.Select(p => IsFirst(p.Statement, p.Rendering) ? 18 : 10).ToArray(),
                    ["symbol"] = points.Select(p => IsFirst(p.Statement, p.Rendering) ? "star" : "circle").ToArray(),
                    ["line"] = new Dictionary<string, object> { ["width"] = 1, ["color"] = "#333" },
                }),
                ("customdata", points.Select(p => $"{Html(outlet)}, {Figure.Date(p.Rendering.Date!.Value)}{(IsFirst(p.Statement, p.Rendering) ? " (first)" : "")}<br>“{Html(Short(p.Rendering.Text, 120))}”").ToArray()),
                ("hovertemplate", QuoteCharts.Hover));
        }

        return figure.Axis("xaxis", "Published", type: "date").Axis("yaxis", "", reversed: true)
            .Height(Math.Max(320, 120 + 50 * list.Count)).Build();
    }

    /// <summary>
    /// The distinct wordings of one statement as a table: kind (verbatim, fragment, reworded, re-translated), how many
    /// canonical words each keeps, and its text with the words the canonical text does not have at that point highlighted.
    /// </summary>
    public static GenericChart Variants(Statement statement)
    {
        var variants = statement.Compare();
        var texts = variants.Select(v => string.Join(' ', v.Words.Select(w => w.Changed
            ? $"<b><span style=\"color:#d62728\">{Html(w.Text)}</span></b>"
            : Html(w.Text)))).ToArray();
        var firstSeen = variants.Select(v => statement.Renderings.First(r => r.Text.Trim() == v.Text.Trim())).ToArray();
        var table = new Trace2D("table");
        table.SetProperty("columnwidth", new[] { 110, 140, 90, 560 });
        table.SetProperty("header", new Dictionary<string, object>
        {
            ["values"] = new[] { "kind", "first seen", "words kept", "wording (red: not in the fullest rendering)" },
            ["align"] = "left",
            ["fill"] = new Dictionary<string, object> { ["color"] = "#eef" },
        });
        table.SetProperty("cells", new Dictionary<string, object>
        {
            ["values"] = new object[]
            {
                variants.Select(v => v.Kind.ToString().ToLowerInvariant()).ToArray(),
                firstSeen.Select(r => Html($"{r.Outlet ?? "unknown outlet"}{(r.Date is { } d ? ", " + Figure.Date(d) : "")}")).ToArray(),
                variants.Select(v => $"{v.CanonicalWordsKept}/{v.CanonicalWords}").ToArray(),
                texts,
            },
            ["align"] = "left",
            ["height"] = 28,
        });
        var layout = new Layout();
        layout.SetProperty("title", new Dictionary<string, object>
        {
            ["text"] = $"Wordings of one statement: {Html(statement.Speaker ?? "unattributed")}<br><sup>{Html(Short(statement.Text, 110))}</sup>",
            ["x"] = 0.02,
            ["xanchor"] = "left",
        });
        layout.SetProperty("height", Math.Max(260, 140 + 60 * variants.Count));
        layout.SetProperty("margin", new Dictionary<string, object> { ["t"] = 80, ["l"] = 20, ["r"] = 20, ["b"] = 20 });
        return GenericChart.setLayout(layout, GenericChart.ofTraceObjects(false, new[] { (Trace)table }));
    }

    private static bool IsFirst(Statement s, StatementRendering r) => ReferenceEquals(s.Renderings[0], r);

    private static string First(Statement s) =>
        $"{s.FirstOutlet ?? "unknown outlet"}{(s.FirstDate is { } d ? ", " + Figure.Date(d) : "")}";

    private static string Label(Statement s) => Html($"{s.Speaker ?? "?"}: “{Short(s.Text, 48)}”");

    private static string Short(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
