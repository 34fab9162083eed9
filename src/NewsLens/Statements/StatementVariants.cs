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

    /// <summary>
    /// The distinct wordings of a statement as an HTML table, each a word-level diff against the fullest rendering:
    /// words it adds or changes are marked, words of the fullest rendering it leaves out are struck through, and a
    /// cut before or after a fragment shows as "…". Inline styles only, so it renders in any notebook or page.
    /// </summary>
    public static string ToHtml(this Statement statement)
    {
        var html = new System.Text.StringBuilder();
        html.Append("<div class=\"newslens-statement\" style=\"margin:0.5em 0 1em\">");
        html.Append("<div style=\"font-weight:600\">").Append(Encode(statement.Speaker ?? "unattributed")).Append(": “")
            .Append(Encode(statement.Text)).Append("”</div>");
        html.Append("<div style=\"color:#555;font-size:90%\">").Append(statement.Renderings.Count).Append(" renderings in ")
            .Append(statement.Articles).Append(statement.Articles == 1 ? " article" : " articles").Append(", ")
            .Append(statement.Outlets.Count).Append(statement.Outlets.Count == 1 ? " outlet" : " outlets");
        if (statement.FirstOutlet is not null || statement.FirstDate is not null)
            html.Append("; first: ").Append(Encode(FirstSeen(statement.FirstOutlet, statement.FirstDate)));
        html.Append("</div>");
        html.Append("<table style=\"border-collapse:collapse;margin-top:0.3em\"><thead><tr>");
        foreach (var header in new[] { "kind", "first seen", "words kept", "wording (<ins style=\"" + Inserted + "\">added or changed</ins>, <del style=\"" + Dropped + "\">left out</del>, … cut)" })
            html.Append("<th style=\"text-align:left;padding:2px 8px;border-bottom:1px solid #ccc\">").Append(header).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var text in statement.Variants())
        {
            var variant = Compare(statement.Text, text);
            var first = statement.Renderings.First(r => r.Text.Trim() == text);
            html.Append("<tr>");
            Cell(html, variant.Kind.ToString().ToLowerInvariant());
            Cell(html, FirstSeen(first.Outlet, first.Date));
            Cell(html, $"{variant.CanonicalWordsKept}/{variant.CanonicalWords}");
            html.Append("<td style=\"text-align:left;padding:2px 8px;vertical-align:top\">").Append(DiffHtml(statement.Text, text)).Append("</td></tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    private const string Inserted = "background:#fde2e2;color:#a40000;text-decoration:none;font-weight:600";
    private const string Dropped = "color:#999";

    // More words than this left out in one run show as one "[… n words]" marker instead of each struck through.
    private const int LongCut = 5;

    /// <summary>One rendering against the canonical text, word by word, as HTML (see <see cref="ToHtml"/>).</summary>
    public static string DiffHtml(string canonical, string rendering)
    {
        var own = rendering.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var ownKeys = own.Select(Key).ToArray();
        var reference = canonical.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var referenceKeys = reference.Select(Key).ToArray();
        var ops = Diff(ownKeys, referenceKeys);

        // Canonical words left out before the first and after the last shared word: a cut, shown as one ellipsis.
        var firstShared = ops.FindIndex(o => o.Own >= 0 && o.Reference >= 0);
        var lastShared = ops.FindLastIndex(o => o.Own >= 0 && o.Reference >= 0);
        var html = new System.Text.StringBuilder();
        var cut = false;
        for (var i = 0; i < ops.Count; i++)
        {
            var (o, r) = ops[i];
            if (o < 0)
            {
                if (referenceKeys[r].Length == 0)
                    continue; // punctuation the rendering does not repeat
                if (firstShared >= 0 && (i < firstShared || i > lastShared))
                {
                    if (!cut)
                        Word(html, "…");
                    cut = true;
                    continue;
                }

                // A long run left out in the middle is a cut too (a rendering that skips a sentence): one marker.
                var run = i;
                while (run < ops.Count && ops[run].Own < 0)
                    run++;
                var left = ops.Skip(i).Take(run - i).Count(op => referenceKeys[op.Reference].Length > 0);
                if (left > LongCut)
                {
                    Word(html, $"<del style=\"{Dropped}\" title=\"{left} words of the fullest rendering left out\">[… {left} words]</del>");
                    i = run - 1;
                    continue;
                }

                Word(html, $"<del style=\"{Dropped}\">{Encode(reference[r])}</del>");
                continue;
            }

            cut = false;
            Word(html, r >= 0 || ownKeys[o].Length == 0 ? Encode(own[o]) : $"<ins style=\"{Inserted}\">{Encode(own[o])}</ins>");
        }

        return html.ToString();
    }

    // A shortest edit script between a rendering's words and the canonical words (LCS on comparison keys), in reading
    // order: (own index, canonical index), -1 on the side that lacks the word.
    private static List<(int Own, int Reference)> Diff(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
                table[i, j] = a[i].Length > 0 && a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
        }

        var ops = new List<(int, int)>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x].Length > 0 && a[x] == b[y])
                ops.Add((x++, y++));
            else if (y < b.Length && (x == a.Length || table[x, y + 1] >= table[x + 1, y]))
                ops.Add((-1, y++));
            else
                ops.Add((x++, -1));
        }

        return ops;
    }

    private static void Word(System.Text.StringBuilder html, string word)
    {
        if (html.Length > 0)
            html.Append(' ');
        html.Append(word);
    }

    private static void Cell(System.Text.StringBuilder html, string text) =>
        html.Append("<td style=\"text-align:left;padding:2px 8px;vertical-align:top;white-space:nowrap\">").Append(Encode(text)).Append("</td>");

    private static string FirstSeen(string? outlet, DateOnly? date) =>
        (outlet ?? "unknown outlet") + (date is { } d ? ", " + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "");

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);

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
