using System.Net;

namespace NewsLens;

/// <summary>
/// Assembles an article's text in normal form (trimmed paragraphs joined by a blank line) in one reused buffer,
/// so the text is materialised once, as the final string.
/// </summary>
/// <remarks>Scratch state: one per thread (<see cref="ForThisThread"/>), since articles are built on several threads at once.</remarks>
internal sealed class ParagraphWriter
{
    [ThreadStatic]
    private static ParagraphWriter? forThread;

    private readonly CharBuffer text = new();

    /// <summary>Line ranges of the block being read (for <see cref="PlainText"/>).</summary>
    public List<(int Start, int Length)> LineScratch { get; } = [];

    /// <summary>A paragraph being joined from wrapped lines (for <see cref="PlainText"/>).</summary>
    public CharBuffer JoinScratch { get; } = new();

    /// <summary>A record's body, decoded (for <see cref="RecordBody"/>).</summary>
    public CharBuffer BodyScratch { get; } = new();

    /// <summary>The calling thread's writer, emptied.</summary>
    public static ParagraphWriter ForThisThread()
    {
        var writer = forThread ??= new ParagraphWriter();
        writer.text.Clear();
        writer.JoinScratch.Clear();
        writer.BodyScratch.Clear();
        writer.LineScratch.Clear();
        return writer;
    }

    /// <summary>Adds a paragraph as it is, trimmed; a blank one is left out.</summary>
    public void AddTrimmed(ReadOnlySpan<char> paragraph)
    {
        paragraph = paragraph.Trim();
        if (paragraph.IsEmpty)
            return;
        Separate();
        text.Append(paragraph);
    }

    /// <summary>Adds a paragraph trimmed, with every run of spaces, tabs and no-break spaces turned into one space; a blank one is left out.</summary>
    public void AddCollapsed(ReadOnlySpan<char> paragraph, bool decodeEntities)
    {
        paragraph = paragraph.Trim();
        if (paragraph.IsEmpty)
            return;
        var before = text.Length;
        Separate();
        var start = text.Length;
        var space = false;
        foreach (var c in paragraph)
        {
            if (c is ' ' or '\t' or '\u00A0')
            {
                space = true;
                continue;
            }

            if (space)
                text.Append(' ');
            space = false;
            text.Append(c);
        }

        var written = text.Written[start..];
        if (!decodeEntities || !written.Contains('&') || !written.Contains(';'))
            return;

        // Entities are rare: decode this paragraph through a string and write it back.
        var decoded = WebUtility.HtmlDecode(written.ToString()).AsSpan().Trim();
        text.Length = start;
        if (decoded.IsEmpty)
            text.Length = before;
        else
            text.Append(decoded);
    }

    /// <summary>The text written so far.</summary>
    public override string ToString() => new(text.Written);

    private void Separate()
    {
        if (text.Length > 0)
            text.Append("\n\n");
    }
}

/// <summary>A growable character buffer that keeps its storage between uses.</summary>
internal sealed class CharBuffer
{
    private const int KeepAtMost = 1 << 20; // a huge article's buffer is not kept for the next one

    private char[] chars = new char[4096];

    public int Length { get; set; }

    public ReadOnlySpan<char> Written => chars.AsSpan(0, Length);

    public ReadOnlyMemory<char> Memory => chars.AsMemory(0, Length);

    public void Clear()
    {
        Length = 0;
        if (chars.Length > KeepAtMost)
            chars = new char[4096];
    }

    /// <summary>Room for <paramref name="count"/> more characters, to write into and then count in <see cref="Length"/>.</summary>
    public Span<char> Reserve(int count)
    {
        if (Length + count > chars.Length)
            Grow(count);
        return chars.AsSpan(Length, count);
    }

    public void Append(char c)
    {
        if (Length == chars.Length)
            Grow(1);
        chars[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> span)
    {
        if (Length + span.Length > chars.Length)
            Grow(span.Length);
        span.CopyTo(chars.AsSpan(Length));
        Length += span.Length;
    }

    private void Grow(int more) => Array.Resize(ref chars, Math.Max(chars.Length * 2, Length + more));
}
