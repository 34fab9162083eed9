using System.Text.Json.Nodes;

namespace NewsLens.Interactive.Notebooks;

/// <summary>A notebook read from an <c>.ipynb</c> or <c>.dib</c> file: its cells in order plus the file-level metadata to write back.</summary>
public sealed class Notebook
{
    public required string Path { get; init; }

    public NotebookFormat Format { get; init; }

    public List<NotebookCell> Cells { get; init; } = [];

    /// <summary>Top-level <c>metadata</c> of an .ipynb (kernelspec, language_info, polyglot_notebook); synthesised for .dib files.</summary>
    public JsonObject Metadata { get; init; } = [];

    public static Notebook Read(string path) => NotebookReader.Read(path);
}

public enum NotebookFormat
{
    Ipynb,
    Dib,
}

public enum CellKind
{
    Code,
    Markdown,
    Raw,
}

/// <summary>One cell: source text, its kernel language (code cells), tags and the outputs the run attached.</summary>
public sealed class NotebookCell
{
    public CellKind Kind { get; init; }

    public required string Source { get; set; }

    /// <summary>Kernel of a code cell ("csharp" unless the cell says otherwise).</summary>
    public string Language { get; init; } = "csharp";

    public string? Id { get; set; }

    public List<string> Tags { get; init; } = [];

    /// <summary>The cell's metadata as read (tags and kernel information included); written back with the outputs.</summary>
    public JsonObject Metadata { get; init; } = [];

    public List<CellOutput> Outputs { get; } = [];

    public int? ExecutionCount { get; set; }

    public bool IsCode => Kind == CellKind.Code;
}

/// <summary>An output as notebooks store it (nbformat 4): a stream, a rich display, or an error.</summary>
public abstract record CellOutput;

public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A rich value: MIME type → content, e.g. <c>text/html</c> and <c>text/plain</c>.</summary>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data) : CellOutput;

public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
