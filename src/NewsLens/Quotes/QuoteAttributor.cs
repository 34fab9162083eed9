using System.Collections.Frozen;

namespace NewsLens;

internal enum SpeakerKind : byte
{
    Unknown,
    Person,
    Organization,
    Place,
    Group,
}

internal enum SpeakerPhraseKind : byte
{
    Name,
    Pronoun,
    Role,
    Organization,
    Document,
    Group,
}

/// <summary>A noun phrase that can name a speaker: token range in its paragraph plus character offsets.</summary>
internal readonly record struct SpeakerPhrase(SpeakerPhraseKind Kind, int Paragraph, int First, int Last, int Start, int End, string Surface, string Head);

/// <summary>A named actor met in the article outside quotations: where, as written, canonical form and kind.</summary>
/// <remarks><see cref="Oblique"/>: inside a prepositional phrase ("as North Carolina voters"), so not a clause subject.</remarks>
internal readonly record struct NamedActor(int Start, int End, string Surface, string Canonical, SpeakerKind Kind, int TokenFrame, string? Gender, bool Oblique = false);

/// <summary>An actor the catalog recognised in the article text (filled by the actor recognizer when available).</summary>
internal sealed record KnownActor(int Start, int End, string Canonical, SpeakerKind Kind, string? Gender);

/// <summary>Who spoke: canonical name (or null), the words that named them, how, and how sure.</summary>
internal readonly record struct SpeakerAttribution(string? Speaker, string? Mention, SpeakerResolution Resolution, string? Cue, double Confidence, SpeakerKind Kind)
{
    public static SpeakerAttribution Nobody(string? cue = null) => new(null, null, SpeakerResolution.None, cue, 0.3, SpeakerKind.Unknown);
}

/// <summary>Finds and attributes the quotations of one article.</summary>
/// <remarks>
/// Works on frames (the article's sentences, merged where a quotation runs across them, with quotations masked as
/// single tokens) so a name inside a quotation is never taken for its speaker. For each quotation: pick the cue verb of its frame (after the quote when the quote
/// opens the sentence, otherwise before it), then the phrase that names the speaker next to the cue
/// (subject before it, or after it in inverted order "said X" and in "according to X"), then resolve that
/// phrase (surname to full name, pronoun to the latest compatible actor, role to its holder). Quotes with no
/// cue continue the previous speaker only when they stand alone right after a quote.
/// </remarks>
internal sealed partial class QuoteAttributor
{
    // Frozen: these sets are asked about nearly every token, and a frozen set answers faster than a hash set.
    internal static readonly FrozenSet<string> Particles = FrozenSet.ToFrozenSet(
    [
        "de", "van", "von", "der", "den", "le", "la", "du", "da", "di", "del", "della", "bin", "al", "el", "ibn", "dos", "das", "ter",
    ], StringComparer.Ordinal);

    internal static readonly FrozenSet<string> Determiners = FrozenSet.ToFrozenSet(
    [
        "the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those", "our",
    ], StringComparer.OrdinalIgnoreCase);

    internal static readonly FrozenSet<string> Prepositions = FrozenSet.ToFrozenSet(
    [
        "in", "on", "at", "with", "to", "from", "by", "of", "for", "after", "before", "about", "against", "over", "into",
        "between", "among", "toward", "towards", "than", "like", "behind", "under", "during", "since", "until", "via", "near",
        "as", "that", "if", "whether", "because", "while", "when",
    ], StringComparer.OrdinalIgnoreCase);

    // Words skipped between a subject and its cue verb: auxiliaries, negation and common adverbs.
    internal static readonly FrozenSet<string> Skippable = FrozenSet.ToFrozenSet(
    [
        "has", "have", "had", "is", "was", "were", "are", "will", "would", "could", "should", "may", "might", "can", "did",
        "does", "do", "been", "be", "being", "also", "then", "later", "again", "once", "further", "not", "never", "already",
        "both", "still", "just", "only", "too", "even", "often", "previously", "earlier", "recently", "reportedly", "had",
        "however", "now", "first", "last", "separately", "flatly", "subsequently", "since", "long", "today", "yesterday",
        "tonight", "instead", "himself", "herself", "itself", "themselves", "personally", "privately", "publicly",
    ], StringComparer.OrdinalIgnoreCase);

    internal static readonly FrozenSet<string> NounContext = FrozenSet.ToFrozenSet(
    [
        "the", "a", "an", "its", "his", "her", "their", "these", "those", "our", "this", "in", "on", "at", "with", "from", "by",
        "of", "for", "after", "before", "about", "against", "over", "into", "between", "among", "under", "during", "via",
    ], StringComparer.OrdinalIgnoreCase);

    internal static readonly FrozenSet<string> Pronouns = FrozenSet.ToFrozenSet(["he", "she", "they", "it"], StringComparer.OrdinalIgnoreCase);

    internal static readonly FrozenSet<string> MemberNouns = FrozenSet.ToFrozenSet(
    [
        "countries", "members", "states", "nations", "allies", "partners", "governments", "leaders",
    ], StringComparer.OrdinalIgnoreCase);

    internal readonly Article _article;
    internal readonly QuoteOptions _options;
    internal readonly string _text;
    internal readonly List<QuoteSpan> _spans;
    private readonly Scratch _scratch = Scratch.Rent();
    internal readonly List<List<SpanToken>> _tokens;
    internal readonly List<TokenFrame> _frames;
    internal readonly List<NamedActor> _mentions;
    internal readonly Dictionary<string, string> _surnames;
    internal readonly List<(string Surname, string Full, int Start, int Frame, bool Subject)> _fullNames;
    internal readonly List<(HashSet<string> Words, string Person, int Start)> _roles;
    internal readonly IReadOnlyList<KnownActor> _known;
    internal readonly List<(Quote Quote, SpeakerAttribution SpeakerAttribution, int TokenFrame)> _done;
    internal int[] _frameOfQuote = [];
    internal int[] _tokenOfQuote = [];
    internal readonly List<int> _paragraphFrameStart;
    internal int[] _firstWord = [];
    internal int[] _frameMentionStart = [];
    internal bool?[] _heading = [];

    // SpeakerAttribution looks this many tokens either side of a quote: sentences are shorter, and the bound keeps
    // the work per quote constant on pathological input (one endless "sentence" full of quote marks).
    internal const int Reach = 60;

    public QuoteAttributor(Article article, QuoteOptions options, IReadOnlyList<KnownActor> known, List<QuoteSpan>? spans = null)
    {
        _article = article;
        _options = options;
        _text = article.Text;
        // Recognised mentions nearly always come in this order already: sort (stably) only when they do not.
        _known = IsByStartThenLongest(known) ? known : known.OrderBy(k => k.Start).ThenByDescending(k => k.End).ToList();
        _spans = spans ?? QuoteScanner.Scan(_text, article.Paragraphs);
        // The previous article's lists, sized up front: one entry per paragraph, at most one per quotation.
        _tokens = _scratch.Tokens;
        _tokens.EnsureCapacity(article.Paragraphs.Count);
        _paragraphFrameStart = _scratch.ParagraphFrameStart;
        _paragraphFrameStart.EnsureCapacity(article.Paragraphs.Count + 1);
        _done = _scratch.Done;
        _done.EnsureCapacity(_spans.Count);
        _frames = _scratch.Frames;
        _mentions = _scratch.Mentions;
        _surnames = _scratch.Surnames;
        _fullNames = _scratch.FullNames;
        _roles = _scratch.Roles;
    }

    internal QuoteWords Words => _options.Words;

    internal Article Article => _article;

    // Every sieve's answer for the quote being attributed, when a trace was asked for.
    internal List<SieveAnswer>? _trace;

    internal static bool IsByStartThenLongest(IReadOnlyList<KnownActor> known)
    {
        for (var i = 1; i < known.Count; i++)
        {
            var (previous, next) = (known[i - 1], known[i]);
            if (previous.Start > next.Start || (previous.Start == next.Start && previous.End < next.End))
                return false;
        }

        return true;
    }

    private readonly List<QuoteTrace> _traces = [];

    /// <summary>Attributes every quote and keeps, for each, every sieve's answer.</summary>
    public List<QuoteTrace> Trace()
    {
        _trace = [];
        Run();
        return _traces;
    }

    /// <summary>Attributes every quote; the attributor's lists go to the next article on this thread, so call it once.</summary>
    public List<Quote> Run()
    {
        try
        {
            if (_spans.Count == 0)
                return []; // most articles: nothing to attribute, no need to tokenise
            Prepare();
            return AttributeAll();
        }
        finally
        {
            SpanTokenizer.Release(_tokens);
            _scratch.Return();
        }
    }

    internal List<Quote> AttributeAll()
    {
        var quotes = new List<Quote>(_spans.Count);
        var spanOf = new List<int>(_spans.Count);
        for (var q = 0; q < _spans.Count; q++)
        {
            var quote = Attribute(q);
            if (quote is null)
                continue;
            quotes.Add(quote);
            spanOf.Add(q);
        }

        // A quotation running over several paragraphs is attributed at its end: earlier parts take that speaker.
        for (var i = quotes.Count - 2; i >= 0; i--)
        {
            var span = _spans[spanOf[i]];
            var next = quotes[i + 1];
            if (span.RunsOn && quotes[i].Speaker is null && next.Speaker is not null && _spans[spanOf[i + 1]].Paragraph == span.Paragraph + 1)
            {
                quotes[i] = quotes[i] with
                {
                    Speaker = next.Speaker, SpeakerMention = next.SpeakerMention, Resolution = SpeakerResolution.Continuation,
                    Confidence = Math.Min(next.Confidence, 0.7), Rule = "run-on",
                };
            }
        }

        return quotes;
    }

    internal void Prepare()
    {
        _frameOfQuote = new int[_spans.Count];
        _tokenOfQuote = new int[_spans.Count];
        var q = 0;
        var sentence = 0;
        // Quotations are the tokenizer's opaque spans: their words never act as attribution.
        var opaque = _spans.ConvertAll(static s => new OpaqueSpan(s.Open, s.OuterEnd, s.ContentStart, s.ContentEnd));
        _frames.EnsureCapacity(_article.Sentences.Count + 1); // a frame is a sentence or several: no regrowth
        for (var p = 0; p < _article.Paragraphs.Count; p++)
        {
            while (q < _spans.Count && _spans[q].Paragraph < p)
                q++;
            var tokens = SpanTokenizer.Tokenize(_text, _article.Paragraphs[p], opaque, q);
            _tokens.Add(tokens);
            _paragraphFrameStart.Add(_frames.Count);
            SpanTokenizer.AddFrames(tokens, p, _article.Sentences, ref sentence, _frames);
        }

        _paragraphFrameStart.Add(_frames.Count);
        _firstWord = new int[_frames.Count];
        _heading = new bool?[_article.Paragraphs.Count];
        for (var f = 0; f < _frames.Count; f++)
        {
            var frame = _frames[f];
            var tokens = _tokens[frame.Paragraph];
            _firstWord[f] = frame.End;
            for (var k = frame.End - 1; k >= frame.First; k--)
            {
                if (tokens[k].IsWord)
                    _firstWord[f] = k;
            }

            for (var k = frame.First; k < frame.End; k++)
            {
                if (tokens[k].Kind == SpanTokenKind.Span)
                {
                    _frameOfQuote[tokens[k].Span] = f;
                    _tokenOfQuote[tokens[k].Span] = k;
                }
            }
        }

        CollectMentions();
    }

    internal Quote? Attribute(int q)
    {
        var span = _spans[q];
        var f = _frameOfQuote[q];
        var qi = _tokenOfQuote[q];
        var frame = _frames[f] with { First = Math.Max(_frames[f].First, qi - Reach), End = Math.Min(_frames[f].End, qi + Reach + 1) };
        var tokens = _tokens[frame.Paragraph];
        var quoteText = tokens[qi].Text; // the quote token holds the quotation's text already

        if (IsHeading(span.Paragraph) || IsLabel(tokens, frame, qi) || LooksLikeTitle(quoteText) || IsMarkup(quoteText)
            || IsAttributeValue(span) || IsNickname(tokens, frame, qi))
            return null;

        var kind = KindOf(tokens, frame, f, qi, span);
        var (attribution, rule) = FindSpeaker(q, tokens, frame, f, qi, kind);
        (attribution, var isMention) = JoinToMentions(attribution);
        if (attribution.Speaker is null && attribution.Cue is null && kind == QuoteKind.Partial && WordCount(quoteText) <= 3)
            return null; // a scare quote or label: nobody is reported as saying it

        var quote = new Quote(
            _article.Id,
            _article.File,
            attribution.Speaker,
            attribution.Mention,
            attribution.Resolution,
            attribution.Cue,
            quoteText,
            kind,
            span.ContentStart,
            span.ContentEnd,
            SentenceIndex(span.ContentStart),
            _options.Confidence.Of(rule, attribution))
        {
            Rule = rule,
            SpeakerKind = attribution.Kind == SpeakerKind.Person && !isMention ? SpeakerKind.Unknown : attribution.Kind,
        };
        _done.Add((quote, attribution, f));
        if (_trace is not null)
        {
            _traces.Add(new QuoteTrace(quote, _trace));
            _trace = [];
        }

        return quote;
    }

    // Catalog spelling ("Sergei Lavrov" -> "Sergey Lavrov") and, when asked, the state a city speaks for.
    internal SpeakerAttribution Canonical(SpeakerAttribution attribution)
    {
        if (attribution.Speaker is not { } speaker)
            return attribution;
        var actor = _options.Actors.Catalog.Find(speaker);
        if (actor is null)
            return attribution;
        var name = _options.ResolveMetonyms && actor.StandsFor is { } state ? state : actor.Name;
        return attribution with { Speaker = name };
    }

    // The cue a quote is reported by: after the quote when it opens its sentence, otherwise before it.
    internal (int At, CueEntry? Entry) CueOf(List<SpanToken> tokens, TokenFrame frame, int f, int qi) =>
        _firstWord[f] > qi
            ? FirstCue(tokens, qi + 1, frame.End) is { Entry: not null } after ? after : LastCue(tokens, frame.First, qi)
            : LastCue(tokens, frame.First, qi) is { Entry: not null } before ? before : FirstCue(tokens, qi + 1, frame.End);

    /// <summary>Runs the sieves in order; the first answer decides. With a trace, every sieve's answer is kept.</summary>
    internal (SpeakerAttribution Attribution, string Rule) FindSpeaker(int q, List<SpanToken> tokens, TokenFrame frame, int f, int qi, QuoteKind kind)
    {
        var (cueAt, cue) = CueOf(tokens, frame, f, qi);
        var site = new QuoteSite(q, _spans[q], tokens, frame, f, qi, kind, cueAt, cue, cue is null ? null : CueText(tokens, cueAt, cue));
        (SpeakerAttribution Attribution, string Rule)? decided = null;
        foreach (var sieve in _options.Rules.Sieves)
        {
            if (sieve.Apply(this, site) is not { } answer)
                continue;
            var attribution = answer.Attribution is { } found ? Canonical(found) : SpeakerAttribution.Nobody(site.CueText);
            _trace?.Add(new SieveAnswer(sieve.Name, attribution.Speaker, attribution.Mention, decided is null));
            decided ??= (attribution, sieve.Name);
            if (_trace is null)
                break;
        }

        return decided ?? (SpeakerAttribution.Nobody(site.CueText), "none");
    }

    /// <summary>An upper-case speaker label ending in a colon at <paramref name="start"/> ("WALLACE:", "MR. SMITH:", "Q:"), or null.</summary>
    internal static string? TranscriptLabelAt(string text, int start, int end)
    {
        var i = start;
        while (i < end && char.IsWhiteSpace(text[i]))
            i++;
        var first = i;
        var letters = 0;
        for (; i < end && i - first <= 40; i++)
        {
            var c = text[i];
            if (c == ':')
                break;
            if (char.IsLower(c) || !(char.IsUpper(c) || c is ' ' or '.' or '\'' or '’' or '-'))
                return null;
            if (char.IsUpper(c))
                letters++;
        }

        // "Q:" and "A:" label an interview; a longer label needs a word of two letters.
        if (i >= end || text[i] != ':' || letters == 0 || i + 1 >= end || !char.IsWhiteSpace(text[i + 1]))
            return null;
        var label = text[first..i].Trim();
        return label.Length == 1 || letters >= 2 ? label : null;
    }

    // "WALLACE" is the Wallace named in the article; "Q" is the unnamed interviewer.
    internal SpeakerAttribution ResolveLabel(string label, int f)
    {
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !IsTitle(w)).Select(w => w.TrimEnd('.')).ToArray();
        if (words.Length == 0 || words[^1].Length < 2)
            return SpeakerAttribution.Nobody() with { Mention = label };
        if (_surnames.TryGetValue(words[^1], out var full))
            return new SpeakerAttribution(full, label, SpeakerResolution.Name, null, 0.9, SpeakerKind.Person);
        var name = string.Join(' ', words.Select(w => w.Length > 1 ? char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant() : w));
        return new SpeakerAttribution(CanonicalName(name, words[^1]), label, SpeakerResolution.Name, null, 0.8, SpeakerKind.Unknown);
    }

    internal static bool IsDash(ReadOnlySpan<char> between)
    {
        var dash = false;
        foreach (var c in between)
        {
            if (c is '―' or '—' or '–' or '-')
                dash = true;
            else if (!char.IsWhiteSpace(c))
                return false;
        }

        return dash;
    }

    internal bool IsQuoteOnly(int f) => _firstWord[f] == _frames[f].End;

    internal int FrameParagraph(int f) => _frames[f].Paragraph;

    internal bool FrameStartsParagraph(int f) => _frames[f].First == 0;

    internal bool IsLastFrameOfParagraph(int f) => f == _paragraphFrameStart[_frames[f].Paragraph + 1] - 1;

    // The previous quote's speaker, for a quote standing alone right after it (same paragraph, or opening the next).
    internal SpeakerAttribution? ContinuedSpeaker(in QuoteSite site)
    {
        if (_done.Count == 0)
            return null;
        var (prevQuote, prev, prevFrame) = _done[^1];
        var prevParagraph = _frames[prevFrame].Paragraph;
        var sameParagraph = prevParagraph == site.Frame.Paragraph;
        var nextParagraph = prevParagraph == site.Frame.Paragraph - 1 && _frames[site.FrameIndex].First == 0;
        if ((sameParagraph || nextParagraph) && prev.Speaker is not null && prevQuote.End <= site.Span.Open)
            return prev with { Resolution = SpeakerResolution.Continuation, Cue = null, Confidence = Math.Min(prev.Confidence, 0.8) };
        return null;
    }

    /// <summary>The speaker of a cue verb, by the cue sieves in their configured order; null when none finds one.</summary>
    internal SpeakerAttribution? SpeakerOfCue(List<SpanToken> tokens, TokenFrame frame, int f, int cueAt, CueEntry cue, bool afterQuote)
    {
        var site = new CueSite(tokens, frame, f, cueAt, cue, afterQuote);
        foreach (var sieve in _options.Rules.Sieves)
        {
            if (sieve is CueSieve cueSieve && cueSieve.ApplyToCue(this, site) is { } answer)
                return answer.Attribution;
        }

        return null;
    }

    internal CueEntry? MatchCue(List<SpanToken> tokens, int k, int end)
    {
        // Cue verbs are lower case; after a determiner or preposition they are nouns ("dismissed claims", "in a post").
        if (!tokens[k].IsWord || !_options.Cues.StartsCue(tokens[k].Text))
            return null;
        var capitalized = !tokens[k].IsLower;
        if (k > 0 && tokens[k - 1].IsWord && (NounContext.Contains(tokens[k - 1].Text) || EndsWithPossessive(tokens[k - 1].Text)))
            return null; // "Mr. Obama's remarks", "Clinton's statement": a noun after a possessive
        if (k > 0 && tokens[k - 1].IsLower && tokens[k].Text.EndsWith('s') && _options.Cues.Match([tokens[k - 1].Text], 0) is not null)
            return null;
        Span<string> buffer = [null!, null!, null!];
        var n = 0;
        for (var j = k; j < end && j < k + 3 && tokens[j].IsWord; j++)
            buffer[n++] = tokens[j].Text;
        var cue = _options.Cues.Match(buffer[..n], 0);
        return capitalized && cue is not { SpeakerFollows: true } ? null : cue; // "According to X," opens a sentence
    }

    // Start of the clause holding a verb: after the last "but", "while" or "whereas" before it.
    internal static int ClauseStart(List<SpanToken> tokens, int first, int at)
    {
        for (var k = at - 1; k > first; k--)
        {
            if (tokens[k].IsWord && tokens[k].Text is "but" or "while" or "whereas" or "although" && tokens[k - 1].Text == ",")
                return k + 1;
        }

        return first;
    }

    // Guards the look-back of pronoun resolution against resolving pronouns of earlier sentences in turn.
    internal int _depth;

    // The subject of the first cue verb of a sentence, quotes or not.
    internal SpeakerAttribution? CueSubject(int f)
    {
        var frame = _frames[f] with { End = Math.Min(_frames[f].End, _frames[f].First + Reach) };
        var tokens = _tokens[frame.Paragraph];
        var (cueAt, cue) = FirstCue(tokens, frame.First, frame.End);
        if (cue is null || cue.SpeakerFollows)
            return null;
        _depth++;
        try
        {
            var found = SpeakerOfCue(tokens, frame, f, cueAt, cue, afterQuote: false);
            return found is { Resolution: SpeakerResolution.Name } ? Canonical(found.Value) : null;
        }
        finally
        {
            _depth--;
        }
    }

    // The speaker of a sentence of reported speech without quotation marks ("X said the talks had failed.").
    internal SpeakerAttribution? ReportedSpeaker(int f)
    {
        var frame = _frames[f] with { First = Math.Max(_frames[f].First, _frames[f].End - Reach) };
        var tokens = _tokens[frame.Paragraph];
        for (var k = frame.First; k < frame.End; k++)
        {
            if (tokens[k].Kind == SpanTokenKind.Span)
                return null;
        }

        var (cueAt, cue) = FirstCue(tokens, frame.First, frame.End);
        if (cue is null || cue.SpeakerFollows)
            return null;
        return SpeakerOfCue(tokens, frame, f, cueAt, cue, afterQuote: false) is { Speaker: not null } found
            ? found with { Resolution = SpeakerResolution.Context, Cue = null, Confidence = 0.6 }
            : null;
    }

    internal (int At, CueEntry? Entry) FirstCue(List<SpanToken> tokens, int from, int end)
    {
        for (var k = from; k < end; k++)
        {
            if (tokens[k].IsWord && MatchCue(tokens, k, end) is { } cue)
                return (k, cue);
        }

        return (-1, null);
    }

    internal (int At, CueEntry? Entry) LastCue(List<SpanToken> tokens, int start, int before)
    {
        for (var k = before - 1; k >= start; k--)
        {
            if (tokens[k].IsWord && MatchCue(tokens, k, before) is { } cue)
                return (k, cue);
        }

        return (-1, null);
    }

    internal string CueText(List<SpanToken> tokens, int at, CueEntry cue) =>
        _text[tokens[at].Start..tokens[at + cue.Words.Length - 1].End].ToLowerInvariant();

    internal string? StartsWithCue(string quoted)
    {
        var words = quoted.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        for (var k = 0; k < words.Length && k < 2; k++)
        {
            if (_options.Cues.Match(words, k) is { SpeakerFollows: false } cue && !cue.IsParticiple)
                return string.Join(' ', words.Skip(k).Take(cue.Words.Length)).ToLowerInvariant();
        }

        return null;
    }

    internal static bool OnlyPunctuationBetween(List<SpanToken> tokens, int from, int to)
    {
        for (var k = from + 1; k < to; k++)
        {
            if (tokens[k].Kind != SpanTokenKind.Punct)
                return false;
        }

        return true;
    }

    internal SpeakerAttribution? PreviousParagraphEndsWithColon(int paragraph)
    {
        if (paragraph == 0)
            return null;
        var previous = _tokens[paragraph - 1];
        if (previous.Count == 0 || previous[^1].Text != ":")
            return null;
        var f = _paragraphFrameStart[paragraph] - 1;
        var frame = _frames[f] with { First = Math.Max(_frames[f].First, _frames[f].End - Reach) };
        var (cueAt, cue) = LastCue(previous, frame.First, frame.End);
        if (cue is not null && SpeakerOfCue(previous, frame, f, cueAt, cue, afterQuote: false) is { Speaker: not null } found)
            return found with { Resolution = SpeakerResolution.Context, Confidence = 0.7 };
        if (FirstSubject(previous, frame.First, frame.End - 1) is { } subject)
        {
            var resolved = Resolve(subject, cue is null ? null : CueText(previous, cueAt, cue), f, 0.7);
            return resolved.Speaker is null ? null : resolved with { Resolution = SpeakerResolution.Context };
        }

        return null;
    }

    // A quote paragraph followed by a short paragraph that only attributes it ("Peskov said.").
    internal SpeakerAttribution? NextParagraphAttribution(int paragraph)
    {
        if (paragraph + 1 >= _tokens.Count)
            return null;
        var next = _tokens[paragraph + 1];
        var f = _paragraphFrameStart[paragraph + 1];
        if (f >= _frames.Count || _frames[f].Paragraph != paragraph + 1 || _frames[f].First >= next.Count)
            return null;
        var frame = _frames[f] with { End = Math.Min(_frames[f].End, _frames[f].First + 20) };
        var words = 0;
        for (var k = frame.First; k < frame.End; k++)
        {
            if (next[k].Kind == SpanTokenKind.Span)
                return null;
            if (next[k].IsWord)
                words++;
        }

        var (cueAt, cue) = FirstCue(next, frame.First, frame.End);
        if (cue is null || cueAt - frame.First > 5 || words > 12)
            return null;
        return SpeakerOfCue(next, frame, f, cueAt, cue, afterQuote: false);
    }

    internal QuoteKind KindOf(List<SpanToken> tokens, TokenFrame frame, int f, int qi, QuoteSpan span)
    {
        var quoted = tokens[qi].Text;
        var endsClause = span.RunsOn || quoted[^1] is ',' or '.' or '!' or '?' or '…' or ';' or ':' or '—' or '–' or '-'
            || qi + 1 >= frame.End || tokens[qi + 1].Kind != SpanTokenKind.Word;
        // A quote opening its sentence is a full clause when it ends one, or is long enough to be one even though
        // the reporter's words go on ("'Thank God … has no backing' in the bloc, Peskov said").
        if (_firstWord[f] > qi && (endsClause || WordCount(quoted) >= 6))
            return QuoteKind.Full;
        if (!endsClause)
            return QuoteKind.Partial;
        var before = tokens[qi - 1];
        if (before.Text is ":" or "—" or "–")
            return QuoteKind.Full;

        // The second half of an interrupted quote: "A," he said, "B."
        if (before.Text == ",")
        {
            for (var k = qi - 2; k >= frame.First && k >= qi - 8; k--)
            {
                if (tokens[k].Kind == SpanTokenKind.Span)
                    return _text[_spans[tokens[k].Span].ContentEnd - 1] == ',' ? QuoteKind.Full : QuoteKind.Partial;
            }
        }

        return QuoteKind.Partial;
    }

    internal bool IsHeading(int paragraph) => _heading[paragraph] ??= LooksLikeHeading(paragraph);

    // A short paragraph without sentence punctuation at its end: a headline, a section title, a caption.
    internal bool LooksLikeHeading(int paragraph)
    {
        var span = _article.Paragraphs[paragraph];
        var end = span.End;
        while (end > span.Start && (char.IsWhiteSpace(_text[end - 1]) || QuoteScanner.IsMark(_text[end - 1])))
            end--;
        if (end == span.Start)
            return true;
        if (_text[end - 1] is '.' or '!' or '?' or '…' or ',' or ':' or ';')
            return false;
        return Segmenter.CountWords(_text.AsSpan(span.Start, span.Length)) <= 15;
    }

    private static readonly FrozenSet<string> TitleSmallWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "is", "as", "vs", "de", "la", "n",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleSmallWordLookup = TitleSmallWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // "Morning Joe", "Face the Nation", "A Change Is Gonna Come": a short run of capitalised words is the title of
    // a work or show, a slogan or a name, not something said. Runs for every quote: spans, not substrings.
    internal static bool LooksLikeTitle(string quoted) => LooksLikeTitle(quoted.AsSpan());

    private static bool LooksLikeTitle(ReadOnlySpan<char> quoted)
    {
        // A title in single quotes inside the quotation marks (''‘A Change Is Gonna Come,’'' in NYT style) is still a title.
        var inner = quoted.Trim();
        if (inner.Length > 2 && inner[0] is '\'' or '‘' && inner.TrimEnd(",.")[^1] is '\'' or '’')
            quoted = inner.TrimEnd(",.")[1..^1];
        var count = 0;
        for (var at = 0; count <= 8 && NextWord(quoted, ref at).Length > 0;)
            count++;
        // A contraction makes it a sentence someone said ("We're America."); a dropped letter at a word's end does not
        // ("Keepin' It Real").
        if (count is < 2 or > 8 || quoted.TrimEnd()[^1] is '!' or '?' || HasContraction(quoted))
            return false;
        var first = true;
        for (var at = 0; NextWord(quoted, ref at) is { Length: > 0 } raw;)
        {
            var word = raw.Trim(",.:;'\"‘’“”()");
            if (word.Length == 0)
                continue;
            if (char.IsLetter(word[0]) && !char.IsUpper(word[0]) && (first || !TitleSmallWordLookup.Contains(word)))
                return false;
            first = false;
        }

        return true;
    }

    // The next run of non-space characters from at (advanced past it); empty at the end. What Split(null) would give.
    private static ReadOnlySpan<char> NextWord(ReadOnlySpan<char> text, ref int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
            at++;
        var start = at;
        while (at < text.Length && !char.IsWhiteSpace(text[at]))
            at++;
        return text[start..at];
    }

    private static bool HasContraction(ReadOnlySpan<char> quoted)
    {
        for (var i = 1; i + 1 < quoted.Length; i++)
        {
            if (quoted[i] is '\'' or '’' && char.IsLetter(quoted[i - 1]) && char.IsLetter(quoted[i + 1]))
                return true;
        }

        return false;
    }

    // Markup kept in the text ('<tweet author="…">'): a quoted attribute value is nobody's words.
    internal bool IsAttributeValue(QuoteSpan span) => span.Open > 0 && _text[span.Open - 1] == '=';

    // Marcia "Cia" Price, Dwayne "The Rock" Johnson: a capitalised quotation between a given name and a surname is a
    // nickname, part of the name (name runs pass over it) and nobody's words.
    internal bool IsNickname(List<SpanToken> tokens, TokenFrame frame, int qi) =>
        qi > frame.First && qi + 1 < frame.End && IsNicknameAt(tokens, qi);

    internal bool IsNicknameAt(List<SpanToken> tokens, int k)
    {
        if (tokens[k].Kind != SpanTokenKind.Span || k == 0 || k + 1 >= tokens.Count || !IsNameWord(tokens[k - 1]) || !IsNameWord(tokens[k + 1]))
            return false;
        var words = tokens[k].Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 3 && words.All(w => char.IsUpper(w[0]) || TitleSmallWords.Contains(w));
    }

    // Tweet embeds leave ids, links and handles between quote marks: "783499116076687360", "pic.twitter.com/…", "Follow X on Twitter @x".
    internal static bool IsMarkup(string quoted)
    {
        var text = quoted.AsSpan().Trim().TrimEnd(".,");
        if (text.Length == 0 || AllDigitsOrPunctuation(text))
            return true;
        if (!text.Contains(' ') && (text.ContainsAny('/', '@') || text.StartsWith("http", StringComparison.OrdinalIgnoreCase)))
            return true;
        return text.StartsWith("Follow ", StringComparison.Ordinal) && text.Contains('@');
    }

    private static bool AllDigitsOrPunctuation(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsDigit(c) && !char.IsPunctuation(c))
                return false;
        }

        return true;
    }

    internal bool IsLabel(List<SpanToken> tokens, TokenFrame frame, int qi)
    {
        // A gloss in brackets: the 'Stacilo' ('Enough') alliance.
        if (qi > frame.First && tokens[qi - 1].Text == "(" && qi + 1 < tokens.Count && tokens[qi + 1].Text == ")")
            return true;
        var k = qi - 1;
        if (k >= frame.First && tokens[k].IsWord && Determiners.Contains(tokens[k].Text))
            k--;
        if (k < frame.First || !tokens[k].IsWord)
            return false;
        var word = tokens[k].Text;
        if (Words.LabelMarkers.Contains(word))
            return true;
        return k - 1 >= frame.First && tokens[k - 1].IsWord && Words.LabelMarkers.Contains(tokens[k - 1].Text + " " + word);
    }

    // The sentence holding offset (the first one when the offset precedes every sentence).
    internal int SentenceIndex(int offset) =>
        Math.Max(0, SortedOffsets.LastIndexBefore(_article.Sentences, static s => s.Start, offset, inclusive: true));

    internal static int WordCount(string text) => Segmenter.CountWords(text);
}
