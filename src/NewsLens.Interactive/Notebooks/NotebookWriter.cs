using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsLens.Interactive.Notebooks;

/// <summary>Writes a notebook as nbformat 4.5 JSON the way VS Code's Polyglot Notebooks does (outputs included).</summary>
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

        var cells = new JsonArray();
        var ids = new HashSet<string>();
        for (var i = 0; i < notebook.Cells.Count; i++)
            cells.Add(CellJson(notebook.Cells[i], i, ids, ref plotlyPending));

        var doc = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return doc.ToJsonString(Json) + "\n";
    }

    public static void Write(Notebook notebook, string path, bool embedPlotly = true) => AtomicFile.WriteAllText(path, ToJson(notebook, embedPlotly));

    private static JsonObject CellJson(NotebookCell cell, int index, HashSet<string> ids, ref bool plotlyPending)
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
        if (cell.IsCode)
        {
            metadata.Remove("dotnet_interactive");
            metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = cell.Language };
        }

        var json = new JsonObject
        {
            ["cell_type"] = cell.Kind.ToString().ToLowerInvariant(),
            ["id"] = id,
            ["metadata"] = metadata,
            ["source"] = Lines(cell.Source),
        };
        if (cell.IsCode)
        {
            json["execution_count"] = cell.ExecutionCount;
            var outputs = new JsonArray();
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

                outputs.Add(OutputJson(written));
            }

            json["outputs"] = outputs;
        }

        return json;
    }

    private static JsonObject OutputJson(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = Lines(s.Text) },
        DisplayOutput d => new JsonObject
        {
            ["data"] = new JsonObject(d.Data.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Lines(kv.Value)))),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.Name,
            ["evalue"] = e.Value,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode?)t).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output)),
    };

    /// <summary>Multiline strings are stored as a list of lines, each but the last keeping its newline.</summary>
    private static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n')
                continue;
            array.Add(text[start..(i + 1)]);
            start = i + 1;
        }

        if (start < text.Length)
            array.Add(text[start..]);
        return array;
    }
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
