using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace NewsLens.Interactive.Notebooks;

/// <summary>The notebook file cannot be read: names the file and what is wrong with it.</summary>
public sealed class NotebookFormatException(string path, string problem)
    : Exception($"{path}: {problem}")
{
    public string NotebookPath { get; } = path;
}

/// <summary>
/// Reads Polyglot Notebook files, .ipynb and .dib, with Microsoft.DotNet.Interactive.Documents (the parser VS Code's
/// extension uses). What this adds: a structural check of .ipynb files with a message naming the problem (the library reads
/// any JSON object, an nbformat 3 file or a cell without a type as a notebook), raw cells (the library reads them as
/// code), and the mapping onto <see cref="Notebook"/>, which the runner and the reports share.
/// </summary>
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

    /// <summary>The kernels a Polyglot notebook names, with their aliases (markdown cells are told by their cell type).</summary>
    private static KernelInfoCollection Kernels(bool markdown)
    {
        var kernels = new KernelInfoCollection
        {
            new("csharp", "C#", ["c#", "C#"]),
            new("fsharp", "F#", ["f#", "F#"]),
            new("pwsh", "PowerShell", ["powershell"]),
            new("javascript", "JavaScript", ["js"]),
            new("html", "HTML"),
            new("mermaid", "Mermaid"),
            new("sql", "SQL"),
            new("kql", "KQL"),
            new("http", "HTTP"),
            new("value", "value"),
        };
        if (markdown)
            kernels.Add(new KernelInfo("markdown", "Markdown", ["md"]));
        kernels.DefaultKernelName = "csharp";
        return kernels;
    }

    internal static Notebook ParseIpynb(string path, string text)
    {
        var kinds = CellKinds(path, text);
        InteractiveDocument document;
        try
        {
            // Without a markdown kernel in the list, a code cell starting with #!markdown stays a code cell (its magic renders it).
            document = Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook.Parse(text, Kernels(markdown: false));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            throw new NotebookFormatException(path, e.Message);
        }

        var notebook = new Notebook { Path = path, Format = NotebookFormat.Ipynb, Metadata = ToJson(document.Metadata) };
        for (var i = 0; i < document.Elements.Count; i++)
            notebook.Cells.Add(ToCell(document.Elements[i], kinds[i]));
        return notebook;
    }

    /// <summary>.dib: each cell starts with a <c>#!kernel</c> line; <c>#!meta</c> holds the notebook's kernelInfo JSON.</summary>
    internal static Notebook ParseDib(string path, string text)
    {
        InteractiveDocument document;
        try
        {
            document = CodeSubmission.Parse(text, Kernels(markdown: true));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            throw new NotebookFormatException(path, $"bad #!meta block: {e.Message}");
        }

        var notebook = new Notebook { Path = path, Format = NotebookFormat.Dib, Metadata = NotebookWriter.DefaultMetadata() };
        foreach (var element in document.Elements.Where(e => e.Contents.Trim().Length > 0))
            notebook.Cells.Add(ToCell(element, element.KernelName == "markdown" ? CellKind.Markdown : CellKind.Code));
        return notebook;
    }

    private static NotebookCell ToCell(InteractiveDocumentElement element, CellKind kind)
    {
        var metadata = ToJson(element.Metadata);
        var cell = new NotebookCell
        {
            Kind = kind,
            Source = element.Contents,
            Language = kind == CellKind.Code ? element.KernelName ?? "csharp" : kind.ToString().ToLowerInvariant(),
            Id = element.Id,
            Tags = (metadata["tags"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? "").ToList() ?? [],
            Metadata = metadata,
            ExecutionCount = element.ExecutionOrder > 0 ? element.ExecutionOrder : null,
        };
        foreach (var output in element.Outputs)
        {
            cell.Outputs.Add(output switch
            {
                TextElement t => new StreamOutput(t.Name ?? "stdout", t.Text ?? ""),
                DisplayElement d => new DisplayOutput(Data(d.Data)),
                ReturnValueElement r => new DisplayOutput(Data(r.Data)),
                ErrorElement e => new ErrorOutput(e.ErrorName ?? "", e.ErrorValue ?? "", e.StackTrace ?? []),
                _ => throw new ArgumentOutOfRangeException(nameof(element), output.GetType().Name),
            });
        }

        return cell;
    }

    /// <summary>A MIME bundle as text per type: lines joined, JSON values (application/json…) as JSON.</summary>
    private static Dictionary<string, string> Data(IDictionary<string, object> data) => data.ToDictionary(kv => kv.Key, kv => kv.Value switch
    {
        string s => s,
        IEnumerable<object> lines when lines.All(l => l is string) => string.Concat(lines.Cast<string>()),
        var other => JsonSerializer.Serialize(other),
    });

    private static JsonObject ToJson(IDictionary<string, object>? metadata) =>
        metadata is null ? [] : JsonSerializer.SerializeToNode(metadata) as JsonObject ?? [];

    /// <summary>
    /// The checks the library does not make, each with a message naming the problem: valid JSON, nbformat 4, a cells array
    /// of objects with a known cell_type and a text source. Returns each cell's kind (the library has no raw cells).
    /// </summary>
    private static List<CellKind> CellKinds(string path, string text)
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

        var kinds = new List<CellKind>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell)
                throw new NotebookFormatException(path, $"cell {i + 1} is not a JSON object");
            kinds.Add((cell["cell_type"]?.GetValueKind() == JsonValueKind.String ? cell["cell_type"]!.GetValue<string>() : null) switch
            {
                "code" => CellKind.Code,
                "markdown" => CellKind.Markdown,
                "raw" => CellKind.Raw,
                _ => throw new NotebookFormatException(path, $"cell {i + 1} has no valid 'cell_type' (code, markdown or raw)"),
            });
            var source = cell["source"];
            if (source is not null && !(source.GetValueKind() == JsonValueKind.String
                                        || (source is JsonArray lines && lines.All(l => l?.GetValueKind() == JsonValueKind.String))))
                throw new NotebookFormatException(path, $"cell {i + 1}: 'source' must be a string or a list of strings");
        }

        return kinds;
    }
}
