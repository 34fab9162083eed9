using NewsLens.Interactive.Notebooks;

namespace NewsLens.Tests.Interactive;

/// <summary>Writes small notebooks into a fresh temporary folder for runner tests.</summary>
internal sealed class NotebookFiles : IDisposable
{
    public string Directory { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newslens-tests", Guid.NewGuid().ToString("N"));

    public NotebookFiles() => System.IO.Directory.CreateDirectory(Directory);

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>An .ipynb with the given cells; a cell starting with "md:" is markdown, "param:" a code cell tagged parameters.</summary>
    public string Ipynb(string name, params string[] cells)
    {
        var notebook = new Notebook { Path = Path(name), Metadata = NotebookWriter.DefaultMetadata() };
        foreach (var cell in cells)
        {
            if (cell.StartsWith("md:", StringComparison.Ordinal))
                notebook.Cells.Add(new NotebookCell { Kind = CellKind.Markdown, Source = cell[3..], Language = "markdown" });
            else if (cell.StartsWith("param:", StringComparison.Ordinal))
                notebook.Cells.Add(new NotebookCell { Kind = CellKind.Code, Source = cell[6..], Tags = ["parameters"] });
            else
                notebook.Cells.Add(new NotebookCell { Kind = CellKind.Code, Source = cell });
        }

        NotebookWriter.Write(notebook, notebook.Path);
        return notebook.Path;
    }

    public string Text(string name, string content)
    {
        File.WriteAllText(Path(name), content);
        return Path(name);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>
/// Runner tests share process-wide state (formatters, Console.Out, the working directory): they run one at a time and
/// after the parallel tests, so no other test's console capture or relative path meets a running notebook.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection
{
    public const string Name = "notebook runner";
}
