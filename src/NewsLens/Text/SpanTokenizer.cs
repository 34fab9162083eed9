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

    public bool IsCapitalized => Kind == SpanTokenKind.Word && char.IsUpper(Text[0]);

    public bool IsLower => Kind == SpanTokenKind.Word && char.IsLower(Text[0]);

    public bool Is(string text) => string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A sentence-like stretch of a paragraph's tokens with the opaque spans masked (the unit quote attribution works in).</summary>
internal readonly record struct TokenFrame(int Paragraph, int First, int End);

/// <summary>A stretch of text to keep whole as one token: from its opening mark to after its closing one, and its content.</summary>
internal readonly record struct OpaqueSpan(int Open, int OuterEnd, int ContentStart, int ContentEnd);

/// <summary>
/// The shared <see cref="Tokenizer"/>'s compound words and punctuation for one paragraph, with given spans (quotations)
/// kept whole as single tokens, and cut into frames at sentence ends outside those spans.
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
        var words = WordStrings.ForThisThread;
        var q = firstSpan;
        var i = paragraph.Start;
        while (i < paragraph.End)
        {
            if (q < spans.Count && i == spans[q].Open)
            {
                var span = spans[q];
                tokens.Add(new SpanToken(SpanTokenKind.Span, span.Open, span.OuterEnd, text[span.ContentStart..span.ContentEnd], q));
                i = span.OuterEnd;
                q++;
                continue;
            }

            var c = text[i];
            if (Tokenizer.IsWordChar(c))
            {
                // A word does not run into a span that opens right after it.
                var start = i;
                i = Tokenizer.WordEnd(text, start, q < spans.Count ? Math.Min(spans[q].Open, paragraph.End) : paragraph.End);
                tokens.Add(new SpanToken(SpanTokenKind.Word, start, i, words.Get(text.AsSpan(start, i - start)), -1));
                continue;
            }

            if (c is ',' or '.' or ';' or ':' or '!' or '?' or '(' or ')' or '—' or '–' or '-' or '…')
            {
                // Markdown link residue "[said](#)" leaves an empty "()" pair: drop it.
                if (c == ')' && tokens.Count > 0 && tokens[^1].Text == "(")
                    tokens.RemoveAt(tokens.Count - 1);
                else
                    tokens.Add(new SpanToken(SpanTokenKind.Punct, i, i + 1, words.Get(text.AsSpan(i, 1)), -1));
            }

            i++;
        }
    }

    /// <summary>Cuts a paragraph's tokens into frames at sentence ends outside the opaque spans.</summary>
    public static void AddFrames(List<SpanToken> tokens, int paragraph, List<TokenFrame> frames)
    {
        var first = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            var boundary = t.Kind == SpanTokenKind.Punct && t.Text is "." or "!" or "?" or ";" or "…";
            // "(D-Wis.) said", "R-Ky., said", "Md. said": a period before a comma, a bracket or a lower-case word ends an abbreviation, not a sentence.
            if (boundary && t.Text == "." && k + 1 < tokens.Count && (tokens[k + 1].Text is "," or ")" || tokens[k + 1].IsLower))
                boundary = false;
            if (!boundary && t.Kind == SpanTokenKind.Span && k + 1 < tokens.Count && EndsSentence(t.Text))
            {
                var next = tokens[k + 1];
                boundary = next.Kind == SpanTokenKind.Span || next.IsCapitalized;
                // "Keep savings in rubles!” Medvedev wrote.": after ! or ? a name and a verb are the attribution.
                if (boundary && t.Text[^1] is '!' or '?' && next.IsCapitalized && k + 2 < tokens.Count && tokens[k + 2].IsLower)
                    boundary = false;
            }

            if (boundary)
            {
                frames.Add(new TokenFrame(paragraph, first, k + 1));
                first = k + 1;
            }
        }

        if (first < tokens.Count)
            frames.Add(new TokenFrame(paragraph, first, tokens.Count));
    }

    private static bool EndsSentence(string quoted) => quoted.Length > 0 && quoted[^1] is '.' or '!' or '?' or '…';
}
