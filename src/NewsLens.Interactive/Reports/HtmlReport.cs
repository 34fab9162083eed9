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
        AtomicFile.WriteAllText(path, Render(runs, title));

    public static string Render(IReadOnlyList<NotebookRun> runs, string? title = null)
    {
        title ??= runs.Count == 1 ? TitleOf(runs[0].Notebook) : "NewsLens report";
        var toc = new StringBuilder();
        var body = new StringBuilder();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runs)
            RenderRun(run, body, toc, ids);

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
            .Append(toc).Append("</ul></nav>\n<main>\n<h1 class=\"report-title\">").Append(Escape(title)).Append("</h1>\n")
            .Append(RunSummary(runs))
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

    private static void RenderRun(NotebookRun run, StringBuilder body, StringBuilder toc, HashSet<string> ids)
    {
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
                    body.Append("<div class=\"cell markdown\">").Append(RenderMarkdown(cell.Source, toc, ids)).Append("</div>\n");
                    break;
                case CellKind.Raw:
                    body.Append("<pre class=\"cell raw\">").Append(Escape(cell.Source)).Append("</pre>\n");
                    break;
                default:
                    var result = results.GetValueOrDefault(number);
                    var status = result?.Status ?? CellStatus.NotRun;
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

                    body.Append("</div><pre class=\"source\"><code class=\"language-csharp\">").Append(CSharpHighlighter.Highlight(cell.Source)).Append("</code></pre>");
                    foreach (var output in cell.Outputs)
                        body.Append(RenderOutput(output));
                    body.Append("</div>\n");
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

    private static string RenderMarkdown(string source, StringBuilder toc, HashSet<string> ids)
    {
        var document = Markdig.Markdown.Parse(source, Markdown);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = InlineText(heading.Inline);
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
