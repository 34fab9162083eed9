using System.Net;
using System.Text;

namespace NewsLens.Interactive.Reports;

/// <summary>Server-side C# highlighting for reports: comments, strings, numbers, keywords and directives as spans (no script needed).</summary>
internal static class CSharpHighlighter
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "false", "finally", "float", "for", "foreach", "if", "in",
        "int", "interface", "internal", "is", "let", "long", "new", "null", "object", "out", "override", "params", "private",
        "protected", "public", "readonly", "record", "ref", "return", "sealed", "select", "static", "string", "struct", "switch",
        "this", "throw", "true", "try", "typeof", "using", "var", "void", "when", "where", "while", "with", "yield", "from",
        "orderby", "group", "by", "into", "join", "on", "equals", "descending", "ascending", "nameof", "init", "required",
    ];

    public static string Highlight(string code)
    {
        var html = new StringBuilder();
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            var start = i;
            if (c == '/' && i + 1 < code.Length && code[i + 1] == '/')
            {
                while (i < code.Length && code[i] != '\n') i++;
                Span(html, "c", code[start..i]);
            }
            else if (c == '/' && i + 1 < code.Length && code[i + 1] == '*')
            {
                var end = code.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? code.Length : end + 2;
                Span(html, "c", code[start..i]);
            }
            else if (c == '#' && (i == 0 || code[i - 1] == '\n' || code[..i].TrimEnd(' ', '\t').EndsWith('\n') || code[..i].Trim().Length == 0))
            {
                while (i < code.Length && code[i] != '\n') i++;
                Span(html, "d", code[start..i]);
            }
            else if (c == '"' || ((c == '@' || c == '$') && i + 1 < code.Length && (code[i + 1] == '"' || code[i + 1] is '@' or '$')))
            {
                while (i < code.Length && code[i] != '"') i++;
                var verbatim = code[start..i].Contains('@');
                if (code.AsSpan(i).StartsWith("\"\"\""))
                {
                    var end = code.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                    i = end < 0 ? code.Length : end + 3;
                }
                else
                {
                    i++;
                    while (i < code.Length && code[i] != '"' && (verbatim || code[i] != '\n'))
                        i += !verbatim && code[i] == '\\' ? 2 : 1;
                    i = Math.Min(code.Length, i + 1);
                }

                Span(html, "s", code[start..i]);
            }
            else if (c == '\'')
            {
                i++;
                while (i < code.Length && code[i] != '\'' && code[i] != '\n')
                    i += code[i] == '\\' ? 2 : 1;
                i = Math.Min(code.Length, i + 1);
                Span(html, "s", code[start..i]);
            }
            else if (char.IsDigit(c))
            {
                while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] is '.' or '_')) i++;
                Span(html, "n", code[start..i]);
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '_')) i++;
                var word = code[start..i];
                if (Keywords.Contains(word)) Span(html, "k", word);
                else if (char.IsUpper(word[0])) Span(html, "t", word);
                else html.Append(WebUtility.HtmlEncode(word));
            }
            else
            {
                html.Append(WebUtility.HtmlEncode(c.ToString()));
                i++;
            }
        }

        return html.ToString();
    }

    private static void Span(StringBuilder html, string kind, string text) =>
        html.Append("<span class=\"").Append(kind).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</span>");
}
