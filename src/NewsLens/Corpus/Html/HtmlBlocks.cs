using System.Text;
using AngleSharp.Dom;

namespace NewsLens;

/// <summary>One line of an HTML page's text: a heading, paragraph, list item, block quote or table row, kept or dropped.</summary>
/// <param name="Text">The block's text, white space collapsed.</param>
/// <param name="Reason">Why it is left out of the article; null when kept.</param>
/// <param name="Heading">A heading (h1–h6): ends nothing by itself, but a heading with nothing kept after it is dropped.</param>
/// <param name="Line">The block's line in the source file, when the parser kept source positions; else 0.</param>
internal sealed record HtmlLine(string Text, RemovalReason? Reason, bool Heading, int Line)
{
    public RemovalReason? Reason { get; set; } = Reason;

    /// <summary>The block element the line's text belongs to.</summary>
    public IElement? Owner { get; init; }
}

/// <summary>
/// Turns a DOM subtree into text lines, one per block, and drops boilerplate on DOM evidence only: navigation, aside
/// and footer elements, class, id and role hints (share, related, newsletter, comments, ads...), captions, link-dense
/// blocks and code. Nothing is dropped for what its words say: a phrase inside the body never ends the article.
/// </summary>
internal static class HtmlBlocks
{
    /// <summary>Never text: their content is code, styling or controls.</summary>
    private static readonly HashSet<string> Never =
        ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "MATH", "IFRAME", "OBJECT", "EMBED", "CANVAS", "SELECT", "OPTION", "TEXTAREA",
         "INPUT", "BUTTON", "HEAD", "LINK", "META", "TITLE", "VIDEO", "AUDIO", "MAP", "DIALOG"];

    /// <summary>Blocks read as one line each (their inner blocks, if any, are walked instead).</summary>
    private static readonly HashSet<string> Leaves = ["P", "LI", "BLOCKQUOTE", "PRE", "DD", "DT", "CAPTION", "H1", "H2", "H3", "H4", "H5", "H6", "TR", "ADDRESS"];

    private static readonly HashSet<string> Blocks =
        ["P", "DIV", "SECTION", "ARTICLE", "MAIN", "UL", "OL", "LI", "BLOCKQUOTE", "PRE", "TABLE", "THEAD", "TBODY", "TFOOT", "TR", "TD", "TH",
         "DL", "DD", "DT", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "FOOTER", "NAV", "ASIDE", "FIGURE", "FIGCAPTION", "FORM", "HR",
         "CAPTION", "ADDRESS", "CENTER", "DETAILS", "SUMMARY", "HGROUP", "FIELDSET"];

    public static bool IsBlock(string tag) => Blocks.Contains(tag);

    public static bool IsNever(string tag) => Never.Contains(tag);

    /// <summary>The lines of <paramref name="root"/>, kept and dropped, in document order.</summary>
    /// <param name="root">The content: readability's article, or the block the fallback chose.</param>
    /// <param name="total">Characters of text in the whole content (a hinted element holding most of it is the content, not a widget).</param>
    public static List<HtmlLine> Lines(IElement root)
    {
        var walker = new Walker(TextLength(root));
        walker.Walk(root, null);
        walker.Flush(null, root);
        return walker.Lines;
    }

    /// <summary>Visible text of an element: no script, style or hidden parts, white space collapsed.</summary>
    public static string TextOf(INode node)
    {
        var builder = new StringBuilder();
        AppendText(node, builder);
        return Collapse(builder.ToString());
    }

    /// <summary>Characters of visible text under <paramref name="node"/>, and how many of them sit inside links.</summary>
    public static (int Text, int Linked) Density(INode node)
    {
        int text = 0, linked = 0;
        Count(node, false, ref text, ref linked);
        return (text, linked);
    }

    public static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
            return true;
        var style = element.GetAttribute("style");
        return style is not null && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("display: none", StringComparison.OrdinalIgnoreCase) || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase));
    }

    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Script, JSON or CSS that a page left in its text: dense in code punctuation, or a call such as "googletag.cmd.push(".</summary>
    public static bool LooksLikeCode(string line)
    {
        if (line.Length < 12)
            return false;
        int code = 0, letters = 0;
        foreach (var c in line)
        {
            if (c is '{' or '}' or ';' or '=' or '(' or ')' or '[' or ']' or '<' or '>' or '"' or '$' or '\\')
                code++;
            else if (char.IsLetter(c))
                letters++;
        }

        var trimmed = line.AsSpan().Trim();
        if ((trimmed[0] is '{' or '[' && trimmed[^1] is '}' or ']') || trimmed.StartsWith("function", StringComparison.Ordinal)
            || trimmed.StartsWith("var ", StringComparison.Ordinal) || trimmed.Contains("();", StringComparison.Ordinal) || trimmed.Contains("function(", StringComparison.Ordinal)
            || trimmed.Contains("});", StringComparison.Ordinal) || trimmed.Contains(".push(", StringComparison.Ordinal))
            return code >= 3;
        return code >= 6 && code * 8 > letters;
    }

    private static void AppendText(INode node, StringBuilder output)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element)
            {
                var tag = element.TagName;
                if (Never.Contains(tag) || IsHidden(element))
                    continue;
                if (tag == "BR" || Blocks.Contains(tag))
                    output.Append(' ');
                AppendText(element, output);
                if (Blocks.Contains(tag) || tag is "TD" or "TH")
                    output.Append(' ');
            }
            else if (child.NodeType == NodeType.Text)
            {
                output.Append(child.TextContent);
            }
        }
    }

    private static int TextLength(INode node) => Density(node).Text;

    private static void Count(INode node, bool inLink, ref int text, ref int linked)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element)
            {
                if (Never.Contains(element.TagName) || IsHidden(element))
                    continue;
                Count(element, inLink || element.TagName == "A", ref text, ref linked);
            }
            else if (child.NodeType == NodeType.Text)
            {
                var n = TextScript.Weight(child.TextContent);
                text += n;
                if (inLink)
                    linked += n;
            }
        }
    }

    private sealed class Walker(int total)
    {
        private readonly StringBuilder inline = new();
        private int inlineLine;

        public List<HtmlLine> Lines { get; } = [];

        public void Walk(IElement element, RemovalReason? dropped)
        {
            foreach (var node in element.ChildNodes)
            {
                if (node is IElement child)
                {
                    var tag = child.TagName;
                    if (Never.Contains(tag) || IsHidden(child))
                        continue;
                    if (tag == "BR" || tag == "HR")
                    {
                        Flush(dropped, element);
                        continue;
                    }

                    if (!Blocks.Contains(tag) && !HasBlock(child))
                    {
                        // Running text: an inline element is never dropped on its class (a link styled "tag" inside a sentence).
                        if (inline.Length == 0)
                            inlineLine = LineOf(child);
                        AppendText(child, inline);
                        continue;
                    }

                    var reason = dropped ?? HtmlEvidence.DropReason(child, total);
                    Flush(dropped, element);
                    if (Leaves.Contains(tag) && !HasBlock(child) || tag == "TR")
                    {
                        var text = tag == "TR" ? Row(child) : TextOf(child);
                        if (text.Length == 0)
                            continue;
                        var heading = tag.Length == 2 && tag[0] == 'H' && char.IsDigit(tag[1]);
                        if (reason is null && tag == "P" && Density(child) is var (length, linked) && linked * 10 >= length * 9)
                            reason = RemovalReason.Teaser; // a paragraph that is one link: "Read more: <headline>"
                        Lines.Add(new HtmlLine(text, reason, heading, LineOf(child)) { Owner = child });
                        continue;
                    }

                    Walk(child, reason);
                    Flush(reason, child);
                }
                else if (node.NodeType == NodeType.Text)
                {
                    if (inline.Length == 0)
                        inlineLine = LineOf(element);
                    inline.Append(node.TextContent);
                }
            }
        }

        public void Flush(RemovalReason? reason = null, IElement? owner = null)
        {
            if (inline.Length == 0)
                return;
            var text = Collapse(inline.ToString());
            inline.Clear();
            if (text.Length > 0 && text != "|")
                Lines.Add(new HtmlLine(text.Trim(' ', '|'), reason, false, inlineLine) { Owner = owner });
        }

        private static string Row(IElement row)
        {
            var cells = new List<string>();
            foreach (var cell in row.Children)
            {
                if (Never.Contains(cell.TagName) || IsHidden(cell))
                    continue;
                var text = TextOf(cell);
                if (text.Length > 0)
                    cells.Add(text);
            }

            return string.Join(" | ", cells);
        }

        private static int LineOf(IElement element) => element.SourceReference?.Position.Line ?? 0;

        private static bool HasBlock(IElement element)
        {
            foreach (var child in element.Children)
            {
                if (Blocks.Contains(child.TagName) || HasBlock(child))
                    return true;
            }

            return false;
        }
    }
}
