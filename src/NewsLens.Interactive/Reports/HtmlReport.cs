using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsLens.Interactive.Notebooks;
using NewsLens.Interactive.Running;

namespace NewsLens.Interactive.Reports;

/// <summary>
/// A self-contained HTML page of one or more executed notebooks: rendered markdown, highlighted code, outputs, a table of
/// contents, run time and parameters. plotly.js is embedded once, so charts draw offline. Raw HTML in markdown is not passed
/// through, and streams and errors are escaped: only formatter output (which escapes its data) is written as HTML.
/// </summary>
public static class HtmlReport
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .DisableHtml()
        .Build();

    public static void Write(string path, IReadOnlyList<NotebookRun> runs, string? title = null) =>
        AtomicFile.WriteAllText(path, Render(runs, new ReportOptions { Title = title }));

    public static void Write(string path, IReadOnlyList<NotebookRun> runs, ReportOptions options) =>
        AtomicFile.WriteAllText(path, Render(runs, options));

    public static string Render(IReadOnlyList<NotebookRun> runs, string? title = null) => Render(runs, new ReportOptions { Title = title });

    public static string Render(IReadOnlyList<NotebookRun> runs, ReportOptions options)
    {
        var title = options.Title ?? (runs.Count == 1 ? TitleOf(runs[0].Notebook) : "NewsLens report");
        var toc = new StringBuilder();
        var body = new StringBuilder();
        var state = new RenderState(options, title);
        foreach (var run in runs)
            RenderRun(run, body, toc, state);

        var content = body.ToString();
        var needsPlotly = content.Contains(ChartHtml.Marker, StringComparison.Ordinal);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"newslens\">\n")
            .Append("<title>").Append(Escape(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n");
        // Tables' look, once for the whole page (the runner's table outputs do not carry it).
        if (content.Contains(HtmlTable.Marker, StringComparison.Ordinal))
            page.Append(HtmlTable.StyleElement()).Append('\n');
        if (needsPlotly)
            page.Append(ChartHtml.PlotlyScriptElement()).Append('\n');
        page.Append("</head>\n<body>\n<nav class=\"toc\"><div class=\"toc-title\">Contents</div><ul>")
            .Append(toc).Append("</ul></nav>\n<main>\n<h1 class=\"report-title\">").Append(Escape(title)).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(options.Author))
            page.Append("<p class=\"report-author\">").Append(Escape(options.Author)).Append("</p>\n");
        if (!string.IsNullOrWhiteSpace(options.Summary))
            page.Append("<div class=\"report-summary\">").Append(Markdig.Markdown.ToHtml(options.Summary, Markdown)).Append("</div>\n");
        page.Append(RunSummary(runs))
            .Append(content)
            .Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static string TitleOf(Notebook notebook)
    {
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Markdown))
        {
            var heading = Markdig.Markdown.Parse(cell.Source, Markdown).Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
            if (heading is not null)
                return InlineText(heading.Inline);
        }

        return Path.GetFileNameWithoutExtension(notebook.Path);
    }

    private static string RunSummary(IReadOnlyList<NotebookRun> runs)
    {
        var html = new StringBuilder("<table class=\"run-info\"><tbody>");
        var started = runs.Min(r => r.Started);
        var total = TimeSpan.FromTicks(runs.Sum(r => r.Duration.Ticks));
        Row(html, "run at", started.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        Row(html, "run time", $"{total.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        foreach (var run in runs)
        {
            var cells = run.Cells.Count;
            var failed = run.FirstFailure;
            Row(html, Path.GetFileName(run.Notebook.Path), failed is null
                ? $"{cells} code cells ran in {run.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
                : $"FAILED at cell {failed.CellNumber}: {failed.Error}");
        }

        var parameters = runs.SelectMany(r => r.Parameters).DistinctBy(p => p.Key).ToList();
        Row(html, "parameters", parameters.Count == 0 ? "defaults of the notebook" : string.Join(", ", parameters.Select(p => $"{p.Key} = {p.Value}")));
        return html.Append("</tbody></table>\n").ToString();
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(Escape(name)).Append("</th><td>").Append(Escape(value)).Append("</td></tr>");

    /// <summary>What rendering carries from one notebook to the next: ids in use, code already shown, the page title.</summary>
    private sealed class RenderState(ReportOptions options, string title)
    {
        public ReportOptions Options { get; } = options;

        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        /// <summary>Code cells shown so far: a later cell with the same code and output (a shared setup cell) is shown once.</summary>
        public HashSet<string> Shown { get; } = new(StringComparer.Ordinal);

        /// <summary>The page's h1 repeats no notebook heading: the first heading equal to it is left out.</summary>
        public string? TitleToDrop { get; set; } = title;
    }

    private static void RenderRun(NotebookRun run, StringBuilder body, StringBuilder toc, RenderState state)
    {
        var ids = state.Ids;
        var notebook = run.Notebook;
        var name = Path.GetFileName(notebook.Path);
        // Each notebook's own first heading titles its section (and the table of contents).
        body.Append("<section class=\"notebook\" id=\"").Append(UniqueId(Path.GetFileNameWithoutExtension(notebook.Path), ids)).Append("\">\n");

        var results = run.Cells.ToDictionary(c => c.CellNumber);
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            var number = i + 1;
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    body.Append("<div class=\"cell markdown\">").Append(RenderMarkdown(cell.Source, toc, state)).Append("</div>\n");
                    break;
                case CellKind.Raw:
                    body.Append("<pre class=\"cell raw\">").Append(Escape(cell.Source)).Append("</pre>\n");
                    break;
                default:
                    var result = results.GetValueOrDefault(number);
                    var status = result?.Status ?? CellStatus.NotRun;
                    var outputs = string.Concat(cell.Outputs.Select(RenderOutput));
                    // Shown once: the same code with the same output again (each notebook's setup and parameter cells).
                    if (status != CellStatus.Failed && !state.Shown.Add(cell.Source.Trim() + "\0" + outputs))
                        break;
                    // Without input: outputs only, and a cell that printed nothing leaves no trace (failures still show).
                    if (state.Options.HideInput && status != CellStatus.Failed)
                    {
                        if (outputs.Length > 0)
                            body.Append("<div class=\"cell outputs\">").Append(outputs).Append("</div>\n");
                        break;
                    }

                    var cellId = UniqueId($"{Path.GetFileNameWithoutExtension(name)}-cell-{number}", ids);
                    body.Append("<div class=\"cell code ").Append(status.ToString().ToLowerInvariant()).Append("\" id=\"").Append(cellId).Append("\">");
                    body.Append("<div class=\"cell-head\">cell ").Append(number);
                    if (cell.Tags.Count > 0)
                        body.Append(" · ").Append(Escape(string.Join(", ", cell.Tags)));
                    if (result is { Status: CellStatus.Succeeded })
                        body.Append(" · ").Append(result.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)).Append(" s");
                    if (status == CellStatus.Failed)
                    {
                        body.Append(" · <strong>failed</strong>");
                        toc.Append("<li class=\"toc-failed\"><a href=\"#").Append(cellId).Append("\">✗ ").Append(Escape(name)).Append(", cell ").Append(number).Append(" failed</a></li>");
                    }
                    else if (status == CellStatus.NotRun)
                    {
                        body.Append(" · not run");
                    }

                    body.Append("</div>");
                    if (!state.Options.HideInput)
                        body.Append("<pre class=\"source\"><code class=\"language-csharp\">").Append(CSharpHighlighter.Highlight(cell.Source)).Append("</code></pre>");
                    body.Append(outputs).Append("</div>\n");
                    break;
            }
        }

        body.Append("</section>\n");
    }

    private static string RenderOutput(CellOutput output) => output switch
    {
        StreamOutput s => $"<pre class=\"output {(s.Name == "stderr" ? "stderr" : "stdout")}\">{Escape(s.Text)}</pre>",
        DisplayOutput d when d.Data.TryGetValue("text/html", out var html) => $"<div class=\"output display\">{html}</div>",
        DisplayOutput d => $"<pre class=\"output display\">{Escape(d.Data.GetValueOrDefault("text/plain") ?? string.Join(", ", d.Data.Keys))}</pre>",
        ErrorOutput e => $"<pre class=\"output error\">{Escape(string.Join("\n", e.Traceback.Count > 0 ? e.Traceback : [e.Value]))}</pre>",
        _ => "",
    };

    private static string RenderMarkdown(string source, StringBuilder toc, RenderState state)
    {
        var ids = state.Ids;
        var document = Markdig.Markdown.Parse(source, Markdown);
        foreach (var heading in document.Descendants<HeadingBlock>().ToList())
        {
            var text = InlineText(heading.Inline);
            if (heading.Level == 1 && state.TitleToDrop is { } title && string.Equals(text.Trim(), title.Trim(), StringComparison.Ordinal))
            {
                state.TitleToDrop = null;
                heading.Parent?.Remove(heading);
                continue;
            }

            var id = UniqueId(text, ids);
            heading.GetAttributes().Id = id;
            if (heading.Level <= 3)
                toc.Append("<li class=\"toc-").Append(heading.Level).Append("\"><a href=\"#").Append(id).Append("\">").Append(Escape(text)).Append("</a></li>");
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Markdown.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
            return "";
        var text = new StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
            }
        }

        return text.ToString();
    }

    private static string UniqueId(string text, HashSet<string> ids)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }

        var id = slug.ToString().Trim('-');
        if (id.Length == 0) id = "section";
        var candidate = id;
        for (var n = 2; !ids.Add(candidate); n++)
            candidate = $"{id}-{n}";
        return candidate;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#fff;line-height:1.5}
        nav.toc{position:fixed;top:0;left:0;bottom:0;width:15rem;overflow:auto;padding:1rem;background:#f6f8fa;border-right:1px solid #d0d7de;font-size:0.9em}
        nav.toc ul{list-style:none;padding:0;margin:0} nav.toc li{margin:0.2em 0} nav.toc a{color:#0969da;text-decoration:none}
        .toc-title{font-weight:600;margin-bottom:0.5em} .toc-2{padding-left:0.8em} .toc-3{padding-left:1.6em} .toc-failed a{color:#cf222e}
        main{margin-left:17rem;padding:1rem 2rem;max-width:70rem}
        table{border-collapse:collapse;font-size:0.9em;margin:0.4em 0} th,td{border:1px solid #d0d7de;padding:0.2em 0.5em;vertical-align:top} thead th{background:#f6f8fa}
        table.run-info th{text-align:left;background:#f6f8fa}
        .report-author{margin:-0.4em 0 0.6em;color:#57606a;font-size:1.05em} .report-summary{margin:0 0 1em;font-size:1.05em}
        .cell{margin:1rem 0} .cell.code{border:1px solid #d0d7de;border-radius:6px;padding:0.4rem 0.6rem}
        .cell.failed{border-color:#cf222e;box-shadow:0 0 0 2px #ffebe9} .cell.notrun{opacity:0.6}
        .cell-head{font-size:0.8em;color:#57606a}
        pre{overflow:auto;margin:0.3em 0} pre.source{background:#f6f8fa;padding:0.5em;border-radius:4px;font-size:0.85em}
        pre.output{padding:0.3em 0.5em;font-size:0.85em;white-space:pre-wrap} pre.stderr{background:#fff8c5} pre.error{background:#ffebe9;color:#82071e}
        .output.display{overflow:auto}
        .k{color:#cf222e} .s{color:#0a3069} .c{color:#6e7781;font-style:italic} .n{color:#0550ae} .t{color:#8250df} .d{color:#953800}
        @media print{nav.toc{display:none} main{margin-left:0} .output.display{overflow:visible}}
        """;
}
