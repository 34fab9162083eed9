namespace NewsLens;

internal enum QuoteTokenKind : byte
{
    Word,
    Punct,
    Quote,
}

/// <summary>A word, a punctuation mark, or a whole quotation (marks included) of a paragraph.</summary>
internal readonly record struct QuoteToken(QuoteTokenKind Kind, int Start, int End, string Text, int Quote)
{
    public bool IsWord => Kind == QuoteTokenKind.Word;

    public bool IsCapitalized => Kind == QuoteTokenKind.Word && char.IsUpper(Text[0]);

    public bool IsLower => Kind == QuoteTokenKind.Word && char.IsLower(Text[0]);

    public bool Is(string text) => string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A sentence-like stretch of a paragraph's tokens with quotations masked, the unit attribution works in.</summary>
internal readonly record struct QuoteFrame(int Paragraph, int First, int End);

/// <summary>Splits a paragraph into tokens, each quotation becoming a single token so its words never act as attribution.</summary>
/// <remarks>Words are the shared <see cref="Tokenizer"/>'s compound words; only quotations and kept punctuation are this class's own.</remarks>
internal static class QuoteTokenizer
{
    // Token lists reused from article to article on one thread: the pipeline attributes on several threads at once.
    [ThreadStatic]
    private static Stack<List<QuoteToken>>? spareLists;

    private const int KeepLists = 512;
    private const int KeepTokens = 1 << 16;

    public static List<QuoteToken> Tokenize(string text, TextSpan paragraph, IReadOnlyList<QuoteSpan> quotes, int firstQuote)
    {
        var tokens = spareLists is { Count: > 0 } spare ? spare.Pop() : new List<QuoteToken>(paragraph.Length / 5 + 4);
        Tokenize(text, paragraph, quotes, firstQuote, tokens);
        return tokens;
    }

    /// <summary>Hands token lists back for reuse by later paragraphs on this thread; the caller no longer reads them.</summary>
    public static void Release(List<List<QuoteToken>> lists)
    {
        var spare = spareLists ??= new Stack<List<QuoteToken>>();
        foreach (var tokens in lists)
        {
            if (spare.Count >= KeepLists || tokens.Capacity > KeepTokens)
                continue;
            tokens.Clear();
            spare.Push(tokens);
        }

        lists.Clear();
    }

    private static void Tokenize(string text, TextSpan paragraph, IReadOnlyList<QuoteSpan> quotes, int firstQuote, List<QuoteToken> tokens)
    {
        var words = WordStrings.ForThisThread;
        var q = firstQuote;
        var i = paragraph.Start;
        while (i < paragraph.End)
        {
            if (q < quotes.Count && i == quotes[q].Open)
            {
                var span = quotes[q];
                tokens.Add(new QuoteToken(QuoteTokenKind.Quote, span.Open, span.OuterEnd, text[span.ContentStart..span.ContentEnd], q));
                i = span.OuterEnd;
                q++;
                continue;
            }

            var c = text[i];
            if (Tokenizer.IsWordChar(c))
            {
                // A word does not run into a quotation that opens right after it.
                var start = i;
                i = Tokenizer.WordEnd(text, start, q < quotes.Count ? Math.Min(quotes[q].Open, paragraph.End) : paragraph.End);
                tokens.Add(new QuoteToken(QuoteTokenKind.Word, start, i, words.Get(text.AsSpan(start, i - start)), -1));
                continue;
            }

            if (c is ',' or '.' or ';' or ':' or '!' or '?' or '(' or ')' or '—' or '–' or '-' or '…')
            {
                // Markdown link residue "[said](#)" leaves an empty "()" pair: drop it.
                if (c == ')' && tokens.Count > 0 && tokens[^1].Text == "(")
                    tokens.RemoveAt(tokens.Count - 1);
                else
                    tokens.Add(new QuoteToken(QuoteTokenKind.Punct, i, i + 1, words.Get(text.AsSpan(i, 1)), -1));
            }

            i++;
        }
    }

    /// <summary>Cuts a paragraph's tokens into frames at sentence ends outside quotations.</summary>
    public static void AddFrames(List<QuoteToken> tokens, int paragraph, List<QuoteFrame> frames)
    {
        var first = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            var boundary = t.Kind == QuoteTokenKind.Punct && t.Text is "." or "!" or "?" or ";" or "…";
            // "(D-Wis.) said", "R-Ky., said", "Md. said": a period before a comma, a bracket or a lower-case word ends an abbreviation, not a sentence.
            if (boundary && t.Text == "." && k + 1 < tokens.Count && (tokens[k + 1].Text is "," or ")" || tokens[k + 1].IsLower))
                boundary = false;
            if (!boundary && t.Kind == QuoteTokenKind.Quote && k + 1 < tokens.Count && EndsSentence(t.Text))
            {
                var next = tokens[k + 1];
                boundary = next.Kind == QuoteTokenKind.Quote || next.IsCapitalized;
                // "Keep savings in rubles!” Medvedev wrote.": after ! or ? a name and a verb are the attribution.
                if (boundary && t.Text[^1] is '!' or '?' && next.IsCapitalized && k + 2 < tokens.Count && tokens[k + 2].IsLower)
                    boundary = false;
            }

            if (boundary)
            {
                frames.Add(new QuoteFrame(paragraph, first, k + 1));
                first = k + 1;
            }
        }

        if (first < tokens.Count)
            frames.Add(new QuoteFrame(paragraph, first, tokens.Count));
    }

    private static bool EndsSentence(string quoted) => quoted.Length > 0 && quoted[^1] is '.' or '!' or '?' or '…';
}
