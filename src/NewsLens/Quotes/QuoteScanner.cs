using System.Buffers;

namespace NewsLens;

/// <summary>A quoted span found by the scanner: the marks' positions and the trimmed text between them.</summary>
/// <param name="Open">Offset of the opening mark.</param>
/// <param name="Close">Offset of the closing mark, or the paragraph end when the quote runs on into the next paragraph.</param>
/// <param name="RunsOn">The paragraph ended before the quote closed and the next paragraph opens with a quote mark.</param>
internal readonly record struct QuoteSpan(int Open, int Close, int ContentStart, int ContentEnd, int Paragraph, bool RunsOn)
{
    /// <summary>End of the whole quotation including its closing mark.</summary>
    public int OuterEnd => RunsOn ? Close : Close + 1;
}

/// <summary>Finds quoted spans with a single forward scan per paragraph (no regexes, linear time).</summary>
/// <remarks>
/// Each mark is classified as opening, closing or neither from its neighbours (a mark after a space and
/// before a letter opens; one after a letter or punctuation and before a space closes; one between letters is
/// an apostrophe). Opening marks go on a stack; a closing mark closes the nearest open mark of its family
/// (double: " “ ” „ « », single: ' ‘ ’ ‹ ›), so nested quotes of either family stay inside the outer one.
/// Quotes never cross a paragraph boundary, except when a paragraph ends inside a quote and the next paragraph
/// opens with a quote mark (the convention for multi-paragraph quotations); stray marks are dropped.
/// </remarks>
internal static class QuoteScanner
{
    private enum Family : byte
    {
        Double,
        Single,
    }

    private enum Role : byte
    {
        None,
        Open,
        Close,
    }

    private const int MaxDepth = 8;

    private readonly record struct OpenMark(int Position, Family Family, char Mark);

    [ThreadStatic]
    private static List<OpenMark>? t_stack;

    [ThreadStatic]
    private static List<(int Open, int Close)>? t_pairs;

    public static List<QuoteSpan> Scan(string text, IReadOnlyList<TextSpan> paragraphs)
    {
        var result = new List<QuoteSpan>();
        // Reused on this thread: every article is scanned, most have no quotation.
        var stack = t_stack ??= [];
        var pairs = t_pairs ??= [];
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var paragraph = paragraphs[p];
            stack.Clear();
            pairs.Clear();
            ScanParagraph(text, paragraph, stack, pairs);

            // Completed pairs come out innermost first; keep the outermost ones (a pair whose opener never
            // closed does not hide the quotes inside it).
            pairs.Sort((a, b) => a.Open.CompareTo(b.Open));
            var lastEnd = -1;
            foreach (var (open, close) in pairs)
            {
                if (open < lastEnd)
                    continue;
                Add(result, text, open, close, p, runsOn: false);
                lastEnd = close;
            }

            // A quote left open at the paragraph end runs on only when the next paragraph opens with a mark.
            if (stack.Count > 0 && p + 1 < paragraphs.Count)
            {
                var outer = stack[0];
                if (outer.Position > lastEnd && StartsWithOpeningMark(text, paragraphs[p + 1], outer.Family))
                    Add(result, text, outer.Position, paragraph.End, p, runsOn: true);
            }
        }

        return result;
    }

    // The marks IsMark accepts, for a vectorised search: every article is scanned, and most characters are none.
    private static readonly SearchValues<char> Marks = SearchValues.Create("\"'“”‘’„«»‹›");

    private static void ScanParagraph(string text, TextSpan paragraph, List<OpenMark> stack, List<(int, int)> pairs)
    {
        for (var i = paragraph.Start; i < paragraph.End; i++)
        {
            var next = text.AsSpan(i, paragraph.End - i).IndexOfAny(Marks);
            if (next < 0)
                break;
            i += next;
            var c = text[i];
            if (!IsMark(c))
                continue;

            // "rock 'n' roll": both marks belong to the elision.
            if (c is '\'' or '’' or '‘' && i + 2 < paragraph.End && text[i + 1] == 'n' && text[i + 2] is '\'' or '’'
                && (i + 3 >= paragraph.End || !char.IsLetter(text[i + 3])))
            {
                i += 2;
                continue;
            }

            var family = FamilyOf(c);
            var role = Classify(text, i, paragraph, c, stack);
            if (role == Role.Open)
            {
                // Real nesting is shallow; a flood of stray openers must not make the scan quadratic.
                if (stack.Count == MaxDepth)
                    stack.RemoveAt(0);
                stack.Add(new OpenMark(i, family, c));
            }
            else if (role == Role.Close)
            {
                var k = LastOpenOf(stack, family);
                if (k < 0)
                    continue;
                pairs.Add((stack[k].Position, i));
                stack.RemoveRange(k, stack.Count - k);
            }
        }
    }

    private static Role Classify(string text, int i, TextSpan paragraph, char c, List<OpenMark> stack)
    {
        var prev = i > paragraph.Start ? text[i - 1] : '\0';
        var next = i + 1 < paragraph.End ? text[i + 1] : '\0';
        var prevSpace = prev == '\0' || char.IsWhiteSpace(prev);
        var nextSpace = next == '\0' || char.IsWhiteSpace(next);
        var leftFlank = !nextSpace && (prevSpace || IsOpeningContext(prev));
        var rightFlank = !prevSpace && (nextSpace || IsClosingContext(next));
        var open = LastOpenOf(stack, FamilyOf(c));
        var nearest = open >= 0 ? stack[open] : default;
        var hasOpen = open >= 0;

        switch (c)
        {
            case '"':
                if (prevSpace && nextSpace)
                    return Role.None;
                if (leftFlank && !rightFlank)
                    return Role.Open;
                if (rightFlank && !leftFlank)
                    return hasOpen ? Role.Close : Role.None;
                return stack.Count > 0 && stack[^1].Family == Family.Double ? Role.Close : Role.Open;

            case '\'':
            case '’':
                if (char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next))
                    return Role.None; // Kiev's, don't
                if (leftFlank && !rightFlank)
                    return IsDecadeOrElision(text, i, paragraph) ? Role.None : Role.Open;
                if (!prevSpace && !nextSpace && !rightFlank && !char.IsLetterOrDigit(prev))
                    return hasOpen ? Role.Close : Role.None; // ,'he
                if (rightFlank)
                {
                    if (!hasOpen)
                        return Role.None; // Le Pens' is an apostrophe when nothing is open
                    return IsPluralPossessive(text, i, paragraph) ? Role.None : Role.Close;
                }
                return Role.None;

            case '‘':
            case '‹':
                if (prevSpace && nextSpace)
                    return Role.None;
                if (c == '‘' && IsDecadeOrElision(text, i, paragraph))
                    return Role.None;
                if (nearest.Mark == '›' && rightFlank)
                    return Role.Close;
                if (rightFlank && !leftFlank && hasOpen)
                    return Role.Close; // sloppy typesetting closes with an opening mark
                return Role.Open;

            case '›':
                if (hasOpen)
                    return Role.Close;
                return leftFlank ? Role.Open : Role.None;

            case '“':
                if (prevSpace && nextSpace)
                    return Role.None;
                if (nearest.Mark == '„' && hasOpen)
                    return Role.Close; // German „…“
                if (rightFlank && !leftFlank && hasOpen)
                    return Role.Close;
                if (nextSpace)
                    return Role.None;
                return Role.Open;

            case '”':
                if (hasOpen)
                    return Role.Close;
                return leftFlank && !rightFlank ? Role.Open : Role.None; // Swedish ”…”

            case '„':
                return nextSpace && prevSpace ? Role.None : Role.Open;

            case '«':
                if (nearest.Mark == '»' && hasOpen && !leftFlank)
                    return Role.Close; // German »…«
                return Role.Open;

            case '»':
                if (hasOpen && nearest.Mark != '»')
                    return Role.Close;
                return leftFlank ? Role.Open : hasOpen ? Role.Close : Role.None;
        }

        return Role.None;
    }

    // A plain loop rather than FindLastIndex with a lambda: the lambda's closure cost an allocation per character scanned.
    private static int LastOpenOf(List<OpenMark> stack, Family family)
    {
        for (var k = stack.Count - 1; k >= 0; k--)
        {
            if (stack[k].Family == family)
                return k;
        }

        return -1;
    }

    // "the Carters' house" inside a single-quoted quote: after an s and before a lower-case word, and a closing
    // single mark follows before any opening one (looked for within a short distance only).
    private static bool IsPluralPossessive(string text, int i, TextSpan paragraph)
    {
        if (text[i - 1] != 's' || i + 2 >= paragraph.End || text[i + 1] != ' ' || !char.IsLower(text[i + 2]))
            return false;
        var limit = Math.Min(paragraph.End, i + 300);
        for (var j = i + 2; j < limit; j++)
        {
            if (text[j] is not ('\'' or '’' or '‘'))
                continue;
            var before = text[j - 1];
            var after = j + 1 < paragraph.End ? text[j + 1] : ' ';
            if (char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after))
                continue;
            return !char.IsWhiteSpace(before) && (char.IsWhiteSpace(after) || char.IsPunctuation(after)) && text[j] != '‘';
        }

        return false;
    }

    // '90s, ’08, 'til: an apostrophe that starts a word rather than a quotation.
    private static bool IsDecadeOrElision(string text, int i, TextSpan paragraph)
    {
        var j = i + 1;
        var digits = 0;
        while (j < paragraph.End && char.IsDigit(text[j]))
        {
            j++;
            digits++;
        }

        if (digits == 2 && (j >= paragraph.End || !char.IsDigit(text[j])))
            return j >= paragraph.End || text[j] == 's' || !char.IsLetter(text[j]);
        return false;
    }

    private static bool IsOpeningContext(char c) =>
        c is '(' or '[' or '{' or '—' or '–' or '-' or '/' or ':' || IsMark(c);

    private static bool IsClosingContext(char c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '—' or '–' or '-' or '…' or '/' || IsMark(c);

    private static bool StartsWithOpeningMark(string text, TextSpan paragraph, Family family)
    {
        var i = paragraph.Start;
        while (i < paragraph.End && char.IsWhiteSpace(text[i]))
            i++;
        return i < paragraph.End && IsMark(text[i]) && FamilyOf(text[i]) == family && text[i] is not ('”' or '»' or '’' or '›');
    }

    private static void Add(List<QuoteSpan> result, string text, int open, int close, int paragraph, bool runsOn)
    {
        var start = open + 1;
        var end = close;
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (!HasWord(text, start, end))
            return;
        result.Add(new QuoteSpan(open, close, start, end, paragraph, runsOn));
    }

    // A quotation holds at least one word of two letters or digits ("n" in rock 'n' roll does not count).
    private static bool HasWord(string text, int start, int end)
    {
        var run = 0;
        for (var i = start; i < end; i++)
        {
            run = char.IsLetterOrDigit(text[i]) ? run + 1 : 0;
            if (run >= 2)
                return true;
        }

        return false;
    }

    internal static bool IsMark(char c) => c is '"' or '\'' or '“' or '”' or '‘' or '’' or '„' or '«' or '»' or '‹' or '›';

    private static Family FamilyOf(char c) => c is '\'' or '‘' or '’' or '‹' or '›' ? Family.Single : Family.Double;
}
