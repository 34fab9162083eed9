using System.Collections.Frozen;

namespace NewsLens;

/// <summary>The result of segmenting a body: normalised text with paragraph and sentence ranges into it.</summary>
public sealed record SegmentedText(string Text, IReadOnlyList<TextSpan> Paragraphs, IReadOnlyList<Sentence> Sentences, int Words);

/// <summary>Splits text into paragraphs (blank-line separated) and sentences.</summary>
/// <remarks>
/// A single forward scan, no regexes: safe and linear on any input. Sentence ends survive abbreviations
/// ("Mr.", "U.S.", "Dr."), initials ("J. K. Rowling"), decimals ("3.5") and closing quotes after the
/// terminator (the quote mark stays with its sentence). A period followed by a comma, a bracket or a lower-case word
/// ends nothing ("(D-Wis.) said", "R-Ky., said", "Md. said"), and a quotation ending in ! or ? runs on into a
/// following "Name verb" ("“Why?” Trump asked."). These are the library's one sentence notion: quote attribution,
/// actors and sentiment all work on these sentences.
/// </remarks>
public static class Segmenter
{
    /// <summary>Normalises line endings, trims each paragraph and joins paragraphs with one blank line.</summary>
    public static SegmentedText Segment(string raw)
    {
        var paragraphs = raw.Replace("\r\n", "\n").Replace('\r', '\n')
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var text = string.Join("\n\n", paragraphs.Select(p => CollapseLines(p)).Where(p => p.Length > 0));
        return SegmentNormalized(text);
    }

    // Ranges are collected in per-thread lists and copied out at their final size (texts are segmented on several threads at once).
    [ThreadStatic]
    private static List<TextSpan>? paragraphScratch;

    [ThreadStatic]
    private static List<Sentence>? sentenceScratch;

    /// <summary>Segments text already in normal form (paragraphs separated by "\n\n").</summary>
    public static SegmentedText SegmentNormalized(string text)
    {
        var (paragraphs, sentences, words) = RangesOf(text);
        return new SegmentedText(text, paragraphs, sentences, words);
    }

    /// <summary>What <see cref="SegmentNormalized"/> finds, without the record around it (the loader builds articles straight from it).</summary>
    internal static (TextSpan[] Paragraphs, Sentence[] Sentences, int Words) RangesOf(string text)
    {
        var paragraphs = paragraphScratch ??= [];
        var sentences = sentenceScratch ??= [];
        paragraphs.Clear();
        sentences.Clear();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0)
                end = text.Length;
            if (end > start)
            {
                var paragraph = new TextSpan(start, end);
                AddSentences(text, paragraph, paragraphs.Count, sentences);
                paragraphs.Add(paragraph);
            }

            start = end + 2;
        }

        return (paragraphs.ToArray(), sentences.ToArray(), CountWords(text));
    }

    /// <summary>Counts words (maximal runs of letters or digits, with inner apostrophes and hyphens); in scripts written
    /// without spaces (Chinese, Japanese, Thai...) each character counts as a word.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c >= '\u0E00' && TextScript.IsUnspaced(c))
            {
                words++;
                inWord = false;
                continue;
            }

            var wordChar = char.IsLetterOrDigit(c) || (inWord && (c is '\'' or '’' or '-'));
            if (wordChar && !inWord)
                words++;
            inWord = wordChar;
        }

        return words;
    }

    private static string CollapseLines(string paragraph)
    {
        if (!paragraph.Contains('\n') && !paragraph.Contains('\t') && !paragraph.Contains("  ", StringComparison.Ordinal))
            return paragraph;
        var parts = paragraph.Split((char[])['\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', parts);
    }

    private static void AddSentences(string text, TextSpan paragraph, int paragraphIndex, List<Sentence> sentences)
    {
        var sentenceStart = SkipSpaces(text, paragraph.Start, paragraph.End);
        var i = sentenceStart;
        while (i < paragraph.End)
        {
            var c = text[i];
            if (c is '.' or '!' or '?' or '…')
            {
                var end = i + 1;
                while (end < paragraph.End && text[end] is '.' or '!' or '?' or '…')
                    end++;
                while (end < paragraph.End && IsClosing(text[end]))
                    end++;
                if (IsBoundary(text, paragraph, sentenceStart, i, end))
                {
                    sentences.Add(new Sentence(sentenceStart, end, paragraphIndex));
                    sentenceStart = SkipSpaces(text, end, paragraph.End);
                    i = sentenceStart;
                    continue;
                }

                i = end;
                continue;
            }

            i++;
        }

        var last = paragraph.End;
        while (last > sentenceStart && char.IsWhiteSpace(text[last - 1]))
            last--;
        if (last > sentenceStart)
            sentences.Add(new Sentence(sentenceStart, last, paragraphIndex));
    }

    private static bool IsBoundary(string text, TextSpan paragraph, int sentenceStart, int terminator, int end)
    {
        if (end >= paragraph.End)
            return false; // the paragraph end closes the sentence anyway
        if (!char.IsWhiteSpace(text[end]))
            return false; // "3.5", "U.S.-led", "example.com"
        var next = SkipSpaces(text, end, paragraph.End);
        if (next >= paragraph.End)
            return false;
        var nextChar = text[next];
        var opensSentence = char.IsUpper(nextChar) || char.IsDigit(nextChar) || IsOpening(nextChar);
        if (!opensSentence)
            return false;
        if (text[terminator] != '.')
            return !IsAttributionAfterQuestionOrExclamation(text, terminator, end, next, paragraph.End);

        // The token that ends with the period.
        var tokenStart = terminator;
        while (tokenStart > sentenceStart && !char.IsWhiteSpace(text[tokenStart - 1]) && !IsOpening(text[tokenStart - 1]))
            tokenStart--;
        var token = text.AsSpan(tokenStart, terminator - tokenStart);
        if (token.Length == 0)
            return true;
        if (token.Length == 1 && char.IsUpper(token[0]))
            return false; // an initial: "J. K. Rowling"
        if (ClosesQuotation(text, terminator, end) && !NewsLens.Abbreviations.IsNameTitle(token))
            return true; // "… I said no.” Then", "… made in the U.S.” The": a closing quote mark ends the abbreviation's sentence too
        if (IsDottedAcronym(token))
            return char.IsUpper(nextChar) && IsLikelySentenceOpener(text, next, paragraph.End); // "U.S. officials" vs "... the U.S. The"
        return !NewsLens.Abbreviations.Contains(token); // the shared list (Text/abbreviations.txt)
    }

    // "Keep savings in rubles!” Medvedev wrote.", "“Why?” Sen. Smith asked.": a quotation that ends in ! or ? and is
    // followed by a name (capitalised words, not a sentence opener) and a lower-case word goes on into its attribution.
    private static bool IsAttributionAfterQuestionOrExclamation(string text, int terminator, int end, int next, int limit)
    {
        if (!ClosesQuotation(text, terminator, end) || !char.IsUpper(text[next]) || IsLikelySentenceOpener(text, next, limit))
            return false;
        var i = next;
        for (var names = 0; names < 3 && i < limit && char.IsUpper(text[i]); names++)
        {
            while (i < limit && !char.IsWhiteSpace(text[i]))
                i++;
            if (text[i - 1] is ',' or ';' or ':' or '!' or '?' || (text[i - 1] == '.' && !IsTitle(text, next, i - 1)))
                return false; // the capitalised words end a clause of their own: "“No!” Never."
            i = SkipSpaces(text, i, limit);
        }

        return i < limit && char.IsLower(text[i]);
    }

    private static bool ClosesQuotation(string text, int terminator, int end)
    {
        for (var k = terminator + 1; k < end; k++)
        {
            if (text[k] is '"' or '\'' or '”' or '’' or '»' or '“')
                return true;
        }

        return false;
    }

    // A word ending in a period that keeps it inside a name: "Sen.", "Mr.", an initial "J.".
    private static bool IsTitle(string text, int from, int period)
    {
        var start = period;
        while (start > from && !char.IsWhiteSpace(text[start - 1]))
            start--;
        var word = text.AsSpan(start, period - start);
        return (word.Length == 1 && char.IsUpper(word[0])) || NewsLens.Abbreviations.KeepsPeriod(word);
    }

    // After "U.S." a capitalised function word ("The", "He", "It") starts a new sentence; a name ("Senate") does not.
    private static bool IsLikelySentenceOpener(string text, int start, int limit)
    {
        var end = start;
        while (end < limit && char.IsLetter(text[end]))
            end++;
        return SentenceOpeners.Contains(text.AsSpan(start, end - start));
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceOpeners = new[]
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "But", "And",
        "In", "On", "At", "As", "If", "When", "While", "Its", "His", "Her", "Their", "There", "Our", "Some", "Many",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsDottedAcronym(ReadOnlySpan<char> token)
    {
        // "U.S", "U.K", "e.g": letters separated by single periods (the final period is excluded).
        if (token.Length < 3)
            return false;
        for (var k = 0; k < token.Length; k++)
        {
            var expectLetter = k % 2 == 0;
            if (expectLetter ? !char.IsLetter(token[k]) : token[k] != '.')
                return false;
        }

        return token.Length % 2 == 1;
    }

    private static int SkipSpaces(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
            i++;
        return i;
    }

    private static bool IsClosing(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or '“';

    private static bool IsOpening(char c) => c is '"' or '\'' or '“' or '‘' or '«' or '„' or '(' or '[';
}
