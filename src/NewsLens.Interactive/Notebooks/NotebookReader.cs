using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsLens.Interactive.Notebooks;

/// <summary>The notebook file cannot be read: names the file and what is wrong with it.</summary>
public sealed class NotebookFormatException(string path, string problem)
    : Exception($"{path}: {problem}")
{
    public string NotebookPath { get; } = path;
}

/// <summary>Reads Polyglot Notebook files: nbformat 4 JSON (.ipynb) and the plain-text .dib format.</summary>
internal static class NotebookReader
{
    public static Notebook Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: notebook not found", path);
        var text = File.ReadAllText(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".ipynb" => ParseIpynb(path, text),
            ".dib" => ParseDib(path, text),
            var ext => throw new NotebookFormatException(path, $"unknown notebook extension '{ext}' (expected .ipynb or .dib)"),
        };
    }

    internal static Notebook ParseIpynb(string path, string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message.Split(" Path:")[0]}");
        }

        if (root is not JsonObject doc)
            throw new NotebookFormatException(path, "not an nbformat notebook: the top level is not a JSON object");
        if (doc["nbformat"]?.GetValueKind() != JsonValueKind.Number || doc["nbformat"]!.GetValue<int>() != 4)
            throw new NotebookFormatException(path, "not an nbformat 4 notebook: 'nbformat' must be 4");
        if (doc["cells"] is not JsonArray cells)
            throw new NotebookFormatException(path, "not an nbformat notebook: 'cells' must be an array");

        var metadata = doc["metadata"] as JsonObject ?? [];
        var defaultKernel = metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() ?? "csharp";
        var notebook = new Notebook { Path = path, Format = NotebookFormat.Ipynb, Metadata = (JsonObject)metadata.DeepClone() };
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell)
                throw new NotebookFormatException(path, $"cell {i + 1} is not a JSON object");
            var type = cell["cell_type"]?.GetValueKind() == JsonValueKind.String ? cell["cell_type"]!.GetValue<string>() : null;
            var kind = type switch
            {
                "code" => CellKind.Code,
                "markdown" => CellKind.Markdown,
                "raw" => CellKind.Raw,
                _ => throw new NotebookFormatException(path, $"cell {i + 1} has no valid 'cell_type' (code, markdown or raw)"),
            };
            var cellMeta = cell["metadata"] as JsonObject ?? [];
            var language = cellMeta["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
                ?? cellMeta["dotnet_interactive"]?["language"]?.GetValue<string>()
                ?? defaultKernel;
            var tags = (cellMeta["tags"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? "").ToList() ?? [];
            var read = new NotebookCell
            {
                Kind = kind,
                Source = ReadSource(path, i, cell["source"]),
                Language = language,
                Id = cell["id"]?.GetValue<string>(),
                Tags = tags,
                Metadata = (JsonObject)cellMeta.DeepClone(),
                ExecutionCount = cell["execution_count"]?.GetValueKind() == JsonValueKind.Number ? cell["execution_count"]!.GetValue<int>() : null,
            };
            read.Outputs.AddRange(ReadOutputs(path, i, cell["outputs"] as JsonArray));
            notebook.Cells.Add(read);
        }

        return notebook;
    }

    private static IEnumerable<CellOutput> ReadOutputs(string path, int index, JsonArray? outputs)
    {
        foreach (var output in outputs ?? [])
        {
            switch (output?["output_type"]?.GetValue<string>())
            {
                case "stream":
                    yield return new StreamOutput(output["name"]?.GetValue<string>() ?? "stdout", ReadSource(path, index, output["text"]));
                    break;
                case "display_data" or "execute_result":
                    var data = output["data"] as JsonObject ?? [];
                    yield return new DisplayOutput(data.ToDictionary(kv => kv.Key, kv => kv.Value is JsonObject json ? json.ToJsonString() : ReadSource(path, index, kv.Value)));
                    break;
                case "error":
                    yield return new ErrorOutput(
                        output["ename"]?.GetValue<string>() ?? "",
                        output["evalue"]?.GetValue<string>() ?? "",
                        (output["traceback"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? "").ToList() ?? []);
                    break;
            }
        }
    }

    private static string ReadSource(string path, int index, JsonNode? source) => source switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray lines when lines.All(l => l?.GetValueKind() == JsonValueKind.String) =>
            string.Concat(lines.Select(l => l!.GetValue<string>())),
        _ => throw new NotebookFormatException(path, $"cell {index + 1}: 'source' must be a string or a list of strings"),
    };

    /// <summary>.dib: each cell starts with a <c>#!kernel</c> line; <c>#!meta</c> holds the notebook's kernelInfo JSON.</summary>
    internal static Notebook ParseDib(string path, string text)
    {
        var notebook = new Notebook { Path = path, Format = NotebookFormat.Dib, Metadata = NotebookWriter.DefaultMetadata() };
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        string? kernel = null;
        var body = new StringBuilder();

        void Flush()
        {
            if (kernel is null)
            {
                if (body.ToString().Trim().Length > 0)
                    throw new NotebookFormatException(path, "text before the first '#!' cell marker (a .dib cell starts with #!csharp or #!markdown)");
                body.Clear();
                return;
            }

            var source = body.ToString().Trim('\n');
            body.Clear();
            switch (kernel)
            {
                case "meta":
                    return;
                case "markdown":
                    notebook.Cells.Add(new NotebookCell { Kind = CellKind.Markdown, Source = source, Language = "markdown" });
                    return;
                default:
                    notebook.Cells.Add(new NotebookCell { Kind = CellKind.Code, Source = source, Language = kernel });
                    return;
            }
        }

        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            if (trimmed is "#!csharp" or "#!c#" or "#!markdown" or "#!meta" or "#!fsharp" or "#!f#" or "#!pwsh" or "#!javascript" or "#!html" or "#!sql" or "#!kql")
            {
                Flush();
                kernel = trimmed[2..] switch { "c#" => "csharp", "f#" => "fsharp", var k => k };
                continue;
            }

            body.Append(line).Append('\n');
        }

        Flush();
        return notebook;
    }
}
