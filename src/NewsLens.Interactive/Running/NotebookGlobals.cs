using Microsoft.AspNetCore.Html;
using NewsLens.Interactive.Notebooks;

namespace NewsLens.Interactive.Running;

/// <summary>
/// What a cell sees as globals in the runner, mirroring the functions VS Code's C# kernel provides
/// (<c>display(value, mimeTypes)</c>, <c>HTML(string)</c>) so the same cells run in both.
/// </summary>
public sealed class NotebookGlobals
{
#pragma warning disable IDE1006 // lower-case names match the kernel's functions
    /// <summary>Shows a value as a rich output of the current cell (text/html and text/plain unless MIME types are given).</summary>
    public void display(object? value, params string[] mimeTypes)
    {
        var bundle = DisplayBundle.For(value, mimeTypes);
        if (CellCapture.Current is { } capture)
            capture.Add(new DisplayOutput(bundle));
        else
            Console.WriteLine(bundle.GetValueOrDefault("text/plain"));
    }

    /// <summary>Marks a string as HTML to show as is.</summary>
    public IHtmlContent HTML(string html) => new HtmlString(html);
#pragma warning restore IDE1006
}
