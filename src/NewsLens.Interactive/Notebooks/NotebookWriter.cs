using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace NewsLens.Interactive.Notebooks;

/// <summary>
/// Writes a notebook as nbformat 4.5 JSON with Microsoft.DotNet.Interactive.Documents, the way VS Code's Polyglot
/// Notebooks does (outputs included). What this adds: unique valid cell ids (nbformat 4.5), raw cells (the library writes
/// every non-markdown cell as code), and plotly.js and the table stylesheet carried by the outputs that need them.
/// </summary>
public static class NotebookWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The top-level metadata VS Code writes for a C# Polyglot notebook.</summary>
    public static JsonObject DefaultMetadata() => new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        },
    };

    /// <summary>The notebook as nbformat JSON. With <paramref name="embedPlotly"/>, the first chart output carries plotly.js
    /// (once per file), so charts draw in VS Code without network access; the chart fragments wait for it. Table outputs
    /// carry the tables' stylesheet.</summary>
    public static string ToJson(Notebook notebook, bool embedPlotly = true)
    {
        var plotlyPending = embedPlotly;
        var metadata = (JsonObject)notebook.Metadata.DeepClone();
        foreach (var (key, value) in DefaultMetadata())
            if (!metadata.ContainsKey(key))
                metadata[key] = value!.DeepClone();

        var document = new InteractiveDocument();
        foreach (var (key, value) in metadata)
            document.Metadata[key] = Plain(value)!;
        var ids = new HashSet<string>();
        for (var i = 0; i < notebook.Cells.Count; i++)
            document.Add(Element(notebook.Cells[i], i, ids, ref plotlyPending));

        var json = document.ToJupyterJson();
        if (notebook.Cells.All(c => c.Kind != CellKind.Raw))
            return json + "\n";

        var root = JsonNode.Parse(json)!;
        var cells = root["cells"]!.AsArray();
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            if (notebook.Cells[i].Kind != CellKind.Raw || cells[i] is not JsonObject raw)
                continue;
            raw["cell_type"] = "raw";
            raw.Remove("execution_count");
            raw.Remove("outputs");
            (raw["metadata"] as JsonObject)?.Remove("dotnet_interactive");
            (raw["metadata"] as JsonObject)?.Remove("polyglot_notebook");
        }

        return root.ToJsonString(Json) + "\n";
    }

    public static void Write(Notebook notebook, string path, bool embedPlotly = true) => AtomicFile.WriteAllText(path, ToJson(notebook, embedPlotly));

    private static InteractiveDocumentElement Element(NotebookCell cell, int index, HashSet<string> ids, ref bool plotlyPending)
    {
        // nbformat 4.5 requires unique ids of [A-Za-z0-9-_]{1,64}.
        var id = cell.Id is { Length: > 0 and <= 64 } given && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && !ids.Contains(given)
            ? given
            : $"cell-{index + 1}";
        while (!ids.Add(id))
            id += "-x";

        var metadata = (JsonObject)cell.Metadata.DeepClone();
        if (cell.Tags.Count > 0)
            metadata["tags"] = new JsonArray(cell.Tags.Select(t => (JsonNode?)t).ToArray());
        metadata.Remove("dotnet_interactive");
        metadata.Remove("polyglot_notebook");

        var element = new InteractiveDocumentElement(cell.Source, cell.Kind == CellKind.Markdown ? "markdown" : cell.Language)
        {
            Id = id,
            ExecutionOrder = cell.ExecutionCount ?? 0,
            Metadata = (Dictionary<string, object>)Plain(metadata)!,
        };
        if (!cell.IsCode)
            return element;

        foreach (var output in cell.Outputs)
        {
            var written = output;
            if (plotlyPending && output is DisplayOutput d && d.Data.TryGetValue("text/html", out var html) && html.Contains(ChartHtml.Marker, StringComparison.Ordinal))
            {
                written = new DisplayOutput(new Dictionary<string, string>(d.Data) { ["text/html"] = ChartHtml.PlotlyScriptElement() + html });
                plotlyPending = false;
            }

            // Each table output carries the table stylesheet (VS Code may clear outputs one by one); outputs that already
            // hold it, from an earlier save, keep just the one.
            if (written is DisplayOutput t && t.Data.TryGetValue("text/html", out var table) && table.Contains(HtmlTable.Marker, StringComparison.Ordinal)
                && !table.Contains(HtmlTable.StyleElement(), StringComparison.Ordinal))
                written = new DisplayOutput(new Dictionary<string, string>(t.Data) { ["text/html"] = HtmlTable.StyleElement() + table });

            element.Outputs.Add(written switch
            {
                StreamOutput s => new TextElement(s.Text, s.Name),
                DisplayOutput shown => new DisplayElement(shown.Data.ToDictionary(kv => kv.Key, kv => (object)kv.Value)),
                ErrorOutput e => new ErrorElement(e.Value, e.Name, [.. e.Traceback]),
                _ => throw new ArgumentOutOfRangeException(nameof(cell), written.GetType().Name),
            });
        }

        return element;
    }

    /// <summary>JSON as the plain values the library's metadata dictionaries hold.</summary>
    private static object? Plain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(kv => kv.Key, kv => Plain(kv.Value)!),
        JsonArray a => a.Select(Plain).ToArray(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => v.TryGetValue<long>(out var whole) ? whole : v.GetValue<double>(),
            _ => null,
        },
        _ => null,
    };
}

/// <summary>Writes a file through a temporary sibling and a rename, so readers never see half a file.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }
}
