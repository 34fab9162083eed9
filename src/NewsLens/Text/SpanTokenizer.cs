namespace NewsLens;

internal enum SpanTokenKind : byte
{
    Word,
    Punct,
    Span,
}

/// <summary>
/// A compound word, a punctuation mark, or a whole opaque span of a paragraph (a quotation with its marks), so that
/// words inside the span never take part in the grammar around it. <see cref="Span"/> is the span's index, else -1.
/// </summary>
internal readonly record struct SpanToken(SpanTokenKind Kind, int Start, int End, string Text, int Span)
{
    public bool IsWord => Kind == SpanTokenKind.Word;

    // The grammar asks these of nearly every token, many times over: answered once, while the word is at hand.
    public bool IsCapitalized { get; } = Kind == SpanTokenKind.Word && char.IsUpper(Text[0]);

    public bool IsLower { get; } = Kind == SpanTokenKind.Word && char.IsLower(Text[0]);

    public bool Is(string text) => string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A range of a paragraph's tokens that quote attribution works in: one of <see cref="Article.Sentences"/>, or several
/// when an opaque span (a quotation) runs across their boundary.
/// </summary>
internal readonly record struct TokenFrame(int Paragraph, int First, int End);

/// <summary>A stretch of text to keep whole as one token: from its opening mark to after its closing one, and its content.</summary>
internal readonly record struct OpaqueSpan(int Open, int OuterEnd, int ContentStart, int ContentEnd);

/// <summary>
/// The shared <see cref="Tokenizer"/>'s compound words and punctuation for one paragraph, with given spans (quotations)
/// kept whole as single tokens, and cut into frames: the shared sentences, merged where a span crosses them.
/// </summary>
internal static class SpanTokenizer
{
    // Token lists reused from article to article on one thread: the pipeline attributes on several threads at once.
    [ThreadStatic]
    private static Stack<List<SpanToken>>? spareLists;

    private const int KeepLists = 512;
    private const int KeepTokens = 1 << 16;

    public static List<SpanToken> Tokenize(string text, TextSpan paragraph, IReadOnlyList<OpaqueSpan> spans, int firstSpan)
    {
        var tokens = spareLists is { Count: > 0 } spare ? spare.Pop() : new List<SpanToken>(paragraph.Length / 5 + 4);
        Tokenize(text, paragraph, spans, firstSpan, tokens);
        return tokens;
    }

    /// <summary>Hands token lists back for reuse by later paragraphs on this thread; the caller no longer reads them.</summary>
    public static void Release(List<List<SpanToken>> lists)
    {
        var spare = spareLists ??= new Stack<List<SpanToken>>();
        foreach (var tokens in lists)
        {
            if (spare.Count >= KeepLists || tokens.Capacity > KeepTokens)
                continue;
            tokens.Clear();
            spare.Push(tokens);
        }

        lists.Clear();
    }

    private static void Tokenize(string text, TextSpan paragraph, IReadOnlyList<OpaqueSpan> spans, int firstSpan, List<SpanToken> tokens)
    {
        var q = firstSpan;
        // Where the next span opens, read once per span rather than at every character.
        var open = OpeningOf(spans, q);
        var i = paragraph.Start;
        while (i < paragraph.End)
        {
            if (i == open)
            {
                var span = spans[q];
                tokens.Add(new SpanToken(SpanTokenKind.Span, span.Open, span.OuterEnd, text[span.ContentStart..span.ContentEnd], q));
                i = span.OuterEnd;
                open = OpeningOf(spans, ++q);
                continue;
            }

            var c = text[i];
            if (Tokenizer.IsWordChar(c))
            {
                // A word does not run into a span that opens right after it.
                var start = i;
                i = Tokenizer.WordEnd(text, start, Math.Min(open, paragraph.End));
                tokens.Add(new SpanToken(SpanTokenKind.Word, start, i, TextOf(text, start, i), -1));
                continue;
            }

            if (c is ',' or '.' or ';' or ':' or '!' or '?' or '(' or ')' or '—' or '–' or '-' or '…')
            {
                // Markdown link residue "[said](#)" leaves an empty "()" pair: drop it.
                if (c == ')' && tokens.Count > 0 && tokens[^1].Text == "(")
                    tokens.RemoveAt(tokens.Count - 1);
                else
                    tokens.Add(new SpanToken(SpanTokenKind.Punct, i, i + 1, TextOf(text, i, i + 1), -1));
            }

            i++;
        }
    }

    // Punctuation marks and one-letter words, made once: a third of all tokens. A longer word gets a string of its own:
    // looking words up in a table of those seen (a set, then a direct-mapped cache) took more time than allocating them.
    private static readonly string[] OneCharacter = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

    private static string TextOf(string text, int start, int end) =>
        end - start == 1 && text[start] < OneCharacter.Length ? OneCharacter[text[start]] : text.Substring(start, end - start);

    private static int OpeningOf(IReadOnlyList<OpaqueSpan> spans, int q) => q < spans.Count ? spans[q].Open : int.MaxValue;

    /// <summary>
    /// Cuts a paragraph's tokens into frames: the paragraph's sentences (<see cref="Article.Sentences"/>, from
    /// <see cref="Segmenter"/>, the library's one sentence notion), where a sentence start that falls inside an opaque
    /// span is no cut, so a quotation spanning several sentences stays whole in one frame with its attribution.
    /// </summary>
    /// <param name="sentence">Index into <paramref name="sentences"/> of this paragraph's first sentence, or past it;
    /// advanced past this paragraph's sentences, so paragraphs in order walk the article's sentences once.</param>
    public static void AddFrames(List<SpanToken> tokens, int paragraph, IReadOnlyList<Sentence> sentences, ref int sentence, List<TokenFrame> frames)
    {
        while (sentence < sentences.Count && sentences[sentence].Paragraph < paragraph)
            sentence++;
        var next = StartIn(sentences, sentence, paragraph);
        var first = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            // Sentence starts up to this token's start: one at a token boundary cuts there, others lie inside the
            // previous token (a quotation) or before the first one.
            var cut = false;
            while (next <= tokens[k].Start)
            {
                cut |= k > 0 && next >= tokens[k - 1].End;
                next = StartIn(sentences, ++sentence, paragraph);
            }

            if (cut && k > first)
            {
                frames.Add(new TokenFrame(paragraph, first, k));
                first = k;
            }
        }

        while (sentence < sentences.Count && sentences[sentence].Paragraph == paragraph)
            sentence++;
        if (first < tokens.Count)
            frames.Add(new TokenFrame(paragraph, first, tokens.Count));
    }

    // The start of the sentence at this index when it is in the paragraph, else past any token.
    private static int StartIn(IReadOnlyList<Sentence> sentences, int sentence, int paragraph) =>
        sentence < sentences.Count && sentences[sentence].Paragraph == paragraph ? sentences[sentence].Start : int.MaxValue;
}
