using System.Text;

namespace NewsLens;

/// <summary>Plain text to paragraphs: blank lines separate paragraphs; hard-wrapped lines are rejoined; an indented line starts a paragraph.</summary>
internal static class PlainText
{
    public static IReadOnlyList<string> Paragraphs(string text, Func<string, string>? clean = null)
    {
        var paragraphs = new List<string>();
        var block = new List<string>();
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            if (!raw.IsWhiteSpace())
            {
                block.Add(raw.TrimEnd().ToString());
                continue;
            }

            Flush(block, paragraphs, clean);
        }

        Flush(block, paragraphs, clean);
        return paragraphs;
    }

    /// <summary>Hard-wrapped prose (markdown, e-mail, wire copy): lines of moderate length that mostly stop mid-sentence.</summary>
    public static bool IsHardWrapped(IReadOnlyList<string> lines)
    {
        if (lines.Count < 2)
            return false;
        // A line printed twice (headline and image alt text) is not wrapped prose; two lines need a lower-case continuation.
        for (var i = 1; i < lines.Count; i++)
            if (lines[i].AsSpan().Trim().SequenceEqual(lines[i - 1].AsSpan().Trim()))
                return false;
        if (lines.Count == 2 && !char.IsLower(lines[1].TrimStart().FirstOrDefault()))
            return false;
        int open = 0, full = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].AsSpan().Trim();
            if (line.Length > 100)
                return false;
            if (i == lines.Count - 1)
                break;
            if (line.Length >= 40)
                full++;
            if (!EndsSentence(line))
                open++;
        }

        // Short lines that end a wrapped paragraph are fine; a column of short lines (a menu) is not prose.
        return open * 2 >= lines.Count - 1 && full * 2 >= lines.Count - 1;
    }

    public static bool EndsSentence(ReadOnlySpan<char> text)
    {
        var k = text.Length - 1;
        while (k > 0 && text[k] is '"' or '\'' or '”' or '’' or ')' or ']' or '»' or '*')
            k--;
        return k >= 0 && text[k] is '.' or '!' or '?' or '…';
    }

    public static bool EndsSentence(string text) => EndsSentence(text.AsSpan());

    private static void Flush(List<string> block, List<string> paragraphs, Func<string, string>? clean)
    {
        if (block.Count == 0)
            return;
        if (!IsHardWrapped(block))
        {
            foreach (var line in block)
                Add(line, paragraphs, clean);
        }
        else
        {
            var current = new StringBuilder();
            foreach (var line in block)
            {
                if (current.Length > 0 && (line.StartsWith("  ", StringComparison.Ordinal) || line.StartsWith('\t')))
                {
                    Add(current.ToString(), paragraphs, clean);
                    current.Clear();
                }

                if (current.Length > 0)
                    current.Append(' ');
                current.Append(line.AsSpan().Trim());
            }

            Add(current.ToString(), paragraphs, clean);
        }

        block.Clear();
    }

    private static void Add(string paragraph, List<string> paragraphs, Func<string, string>? clean)
    {
        var text = CollapseSpaces(paragraph);
        if (clean is not null)
            text = clean(text);
        if (text.Length > 0)
            paragraphs.Add(text);
    }

    /// <summary>Trims and turns every run of spaces, tabs and no-break spaces into one space (no copy when already clean).</summary>
    public static string CollapseSpaces(string text)
    {
        var span = text.AsSpan().Trim();
        var clean = true;
        for (var i = 0; i < span.Length && clean; i++)
            clean = span[i] != '\t' && span[i] != '\u00A0' && !(span[i] == ' ' && i + 1 < span.Length && span[i + 1] == ' ');
        if (clean)
            return span.Length == text.Length ? text : span.ToString();
        var builder = new StringBuilder(span.Length);
        var space = false;
        foreach (var c in span)
        {
            if (c is ' ' or '\t' or '\u00A0')
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
                builder.Append(' ');
            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
