namespace NewsLens;

/// <summary>Plain text to paragraphs: blank lines separate paragraphs; hard-wrapped lines are rejoined; an indented line starts a paragraph.</summary>
internal static class PlainText
{
    /// <summary>
    /// Adds the paragraphs of <paramref name="text"/> to <paramref name="into"/>, spaces collapsed; with
    /// <paramref name="decodeEntities"/>, HTML entities ("&amp;amp;") are decoded too.
    /// </summary>
    /// <remarks>Works on line ranges of the text: the only copy made is the paragraph text in the writer.</remarks>
    public static void AddParagraphs(ReadOnlyMemory<char> text, ParagraphWriter into, bool decodeEntities)
    {
        var block = into.LineScratch;
        block.Clear();
        foreach (var raw in text.Span.EnumerateLines())
        {
            if (!raw.IsWhiteSpace())
            {
                text.Span.Overlaps(raw, out var start);
                block.Add((start, raw.TrimEnd().Length));
                continue;
            }

            Flush(new TextLines(text, block), into, decodeEntities);
            block.Clear();
        }

        Flush(new TextLines(text, block), into, decodeEntities);
        block.Clear();
    }

    /// <summary>Hard-wrapped prose (markdown, e-mail, wire copy): lines of moderate length that mostly stop mid-sentence.</summary>
    public static bool IsHardWrapped(IReadOnlyList<(string Line, int No)> lines) => IsHardWrapped(new NumberedLines(lines));

    private static bool IsHardWrapped<TLines>(TLines lines)
        where TLines : struct, ILines
    {
        if (lines.Count < 2)
            return false;
        // A line printed twice (headline and image alt text) is not wrapped prose; two lines need a lower-case continuation.
        for (var i = 1; i < lines.Count; i++)
            if (lines[i].Trim().SequenceEqual(lines[i - 1].Trim()))
                return false;
        if (lines.Count == 2 && lines[1].TrimStart() is var second && !char.IsLower(second.IsEmpty ? '\0' : second[0]))
            return false;
        int open = 0, full = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
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

    private static void Flush(TextLines block, ParagraphWriter into, bool decodeEntities)
    {
        if (block.Count == 0)
            return;
        if (!IsHardWrapped(block))
        {
            for (var i = 0; i < block.Count; i++)
                into.AddCollapsed(block[i], decodeEntities);
            return;
        }

        // Wrapped lines rejoin with one space; an indented line starts the next paragraph.
        var joined = into.JoinScratch;
        joined.Clear();
        for (var i = 0; i < block.Count; i++)
        {
            var line = block[i];
            if (joined.Length > 0 && (line.StartsWith("  ", StringComparison.Ordinal) || line.StartsWith('\t')))
            {
                into.AddCollapsed(joined.Written, decodeEntities);
                joined.Clear();
            }

            if (joined.Length > 0)
                joined.Append(' ');
            joined.Append(line.Trim());
        }

        into.AddCollapsed(joined.Written, decodeEntities);
    }

    /// <summary>Lines of a block, read as spans whatever holds them (no copy of a line is needed to judge the block).</summary>
    private interface ILines
    {
        int Count { get; }

        ReadOnlySpan<char> this[int index] { get; }
    }

    private readonly struct NumberedLines(IReadOnlyList<(string Line, int No)> lines) : ILines
    {
        public int Count => lines.Count;

        public ReadOnlySpan<char> this[int index] => lines[index].Line;
    }

    private readonly struct TextLines(ReadOnlyMemory<char> text, List<(int Start, int Length)> ranges) : ILines
    {
        public int Count => ranges.Count;

        public ReadOnlySpan<char> this[int index] => text.Span.Slice(ranges[index].Start, ranges[index].Length);
    }
}
