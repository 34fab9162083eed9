using System.Collections.Frozen;
using System.Text;

namespace NewsLens;

/// <summary>
/// Emoji → textual description ("😁" → "beaming face with smiling eyes"), which VADER substitutes before scoring so the
/// description's words carry the sentiment. NewsLens ships none (the lexicon package it builds on has none); load the
/// reference's <c>emoji_utf8_lexicon.txt</c> (tab-separated emoji and description) to score emoji like the reference.
/// </summary>
public sealed class EmojiLexicon
{
    // Only single code points can match: the reference checks each character of the text on its own.
    private readonly FrozenDictionary<int, string> _descriptions;

    private readonly bool _hasAscii;

    private EmojiLexicon(FrozenDictionary<int, string> descriptions)
    {
        _descriptions = descriptions;
        _hasAscii = descriptions.Keys.Any(codePoint => codePoint < 0x80);
    }

    public int Count => _descriptions.Count;

    public static EmojiLexicon Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Reads 'emoji&lt;TAB&gt;description' lines; <paramref name="source"/> names the input in error messages.</summary>
    public static EmojiLexicon Parse(TextReader reader, string source = "emoji lexicon")
    {
        var descriptions = new Dictionary<int, string>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var entry = line.AsSpan().Trim();
            if (entry.IsEmpty)
                continue;
            var tab = entry.IndexOf('\t');
            if (tab <= 0)
                throw new FormatException($"{source}:{lineNumber}: expected 'emoji<TAB>description'");
            var emoji = entry[..tab];
            var rest = entry[(tab + 1)..];
            var nextTab = rest.IndexOf('\t');
            var description = (nextTab < 0 ? rest : rest[..nextTab]).ToString();
            if (Rune.DecodeFromUtf16(emoji, out var rune, out var consumed) == System.Buffers.OperationStatus.Done && consumed == emoji.Length)
                descriptions[rune.Value] = description;
        }

        return new EmojiLexicon(descriptions.ToFrozenDictionary());
    }

    /// <summary>Replaces each listed emoji by its description, as the reference does; null when the text has none.</summary>
    internal string? Replace(ReadOnlySpan<char> text)
    {
        var first = IndexOfEmoji(text);
        if (first < 0)
            return null;
        var builder = new StringBuilder(text.Length + 32);
        builder.Append(text[..first]);
        var previousSpace = first == 0 || text[first - 1] == ' ';
        for (var i = first; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed);
            consumed = Math.Max(consumed, 1);
            if (_descriptions.TryGetValue(rune.Value, out var description))
            {
                if (!previousSpace)
                    builder.Append(' ');
                builder.Append(description);
                previousSpace = false;
            }
            else
            {
                builder.Append(text.Slice(i, consumed));
                previousSpace = text[i] == ' ';
            }

            i += consumed;
        }

        return builder.ToString();
    }

    private int IndexOfEmoji(ReadOnlySpan<char> text)
    {
        // Emoji lie outside ASCII: skip the ASCII prefix fast unless a user lexicon lists ASCII characters.
        var start = _hasAscii ? 0 : text.IndexOfAnyExceptInRange('\0', '\x7f');
        if (start < 0)
            return -1;
        for (var i = start; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed) == System.Buffers.OperationStatus.Done
                && _descriptions.ContainsKey(rune.Value))
                return i;
            i += Math.Max(consumed, 1);
        }

        return -1;
    }
}
