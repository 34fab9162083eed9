namespace NewsLens;

/// <summary>How one rendering relates to its statement's canonical (fullest) text.</summary>
public enum VariantKind
{
    /// <summary>The same words.</summary>
    Verbatim,

    /// <summary>A run of the canonical words, the rest cut.</summary>
    Fragment,

    /// <summary>Mostly the same words, some changed, added or dropped.</summary>
    Reworded,

    /// <summary>Few words in common: another translation or a loose rendering.</summary>
    Retranslated,
}

/// <summary>One word of a rendering, and whether the canonical text has it at that point.</summary>
public sealed record VariantWord(string Text, bool Changed);

/// <summary>A rendering compared word by word with the canonical text.</summary>
/// <param name="Text">The rendering.</param>
/// <param name="Kind">Verbatim, fragment, reworded or re-translated.</param>
/// <param name="Words">The rendering's words (as printed), each marked when it is not in the canonical text at that point.</param>
/// <param name="CanonicalWordsKept">How many of the canonical text's words the rendering keeps, in order.</param>
/// <param name="CanonicalWords">Words in the canonical text.</param>
public sealed record StatementVariant(string Text, VariantKind Kind, IReadOnlyList<VariantWord> Words, int CanonicalWordsKept, int CanonicalWords);

/// <summary>Compares the renderings of a statement with its canonical text (word alignment by LCS on normalised words).</summary>
public static class StatementVariants
{
    /// <summary>Every distinct wording of the statement, first appearance first, compared with the canonical text.</summary>
    public static IReadOnlyList<StatementVariant> Compare(this Statement statement) =>
        statement.Variants().Select(v => Compare(statement.Text, v)).ToList();

    /// <summary>One rendering against a canonical text.</summary>
    public static StatementVariant Compare(string canonical, string rendering)
    {
        var printed = rendering.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var keys = printed.Select(Key).ToArray();
        var reference = canonical.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Key).Where(k => k.Length > 0).ToArray();
        var matched = Align(keys, reference);
        var words = printed.Select((w, i) => new VariantWord(w, keys[i].Length > 0 && !matched[i])).ToList();
        var kept = matched.Count(m => m);
        var ownWords = keys.Count(k => k.Length > 0);
        var kind = kept == ownWords && kept == reference.Length ? VariantKind.Verbatim
            : kept == ownWords ? VariantKind.Fragment
            : kept >= 0.6 * ownWords ? VariantKind.Reworded
            : VariantKind.Retranslated;
        return new StatementVariant(rendering, kind, words, kept, reference.Length);
    }

    // A printed word's comparison form: the normalised words it holds ("I'll" -> "i will"), or "" for punctuation.
    private static string Key(string printed) => string.Join(' ', StatementText.Words(printed)).ToLowerInvariant();

    // Which words of a take part in a longest common subsequence with b.
    private static bool[] Align(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                table[i, j] = a[i].Length > 0 && a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }

        var matched = new bool[a.Length];
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i].Length > 0 && a[i] == b[j])
            {
                matched[i] = true;
                i++;
                j++;
            }
            else if (table[i + 1, j] >= table[i, j + 1])
                i++;
            else
                j++;
        }

        return matched;
    }
}
