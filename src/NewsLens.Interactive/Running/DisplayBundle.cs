using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;

namespace NewsLens.Interactive.Running;

/// <summary>Turns a value into the MIME bundle a notebook stores, using the registered formatters.</summary>
internal static class DisplayBundle
{
    public static Dictionary<string, string> For(object? value, IReadOnlyCollection<string>? mimeTypes = null)
    {
        var types = mimeTypes is { Count: > 0 }
            ? mimeTypes
            : value switch
            {
                // The kernel shows strings and numbers as plain text, HTML content as HTML only.
                string or null or ValueType => ["text/plain"],
                IHtmlContent => ["text/html"],
                _ => ["text/html", "text/plain"],
            };
        var bundle = new Dictionary<string, string>();
        foreach (var mime in types)
            bundle[mime] = value is null ? "<null>" : Formatter.ToDisplayString(value, mime);
        return bundle;
    }
}
