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
internal sealed record NamedActor(int Start, int End, string Surface, string Canonical, SpeakerKind Kind, int QuoteFrame, string? Gender);

/// <summary>An actor the catalog recognised in the article text (filled by the actor recognizer when available).</summary>
internal sealed record KnownActor(int Start, int End, string Canonical, SpeakerKind Kind, string? Gender);

/// <summary>Who spoke: canonical name (or null), the words that named them, how, and how sure.</summary>
internal readonly record struct SpeakerAttribution(string? Speaker, string? Mention, SpeakerResolution Resolution, string? Cue, double Confidence, SpeakerKind Kind)
{
    public static SpeakerAttribution Nobody(string? cue = null) => new(null, null, SpeakerResolution.None, cue, 0.3, SpeakerKind.Unknown);
}

/// <summary>Finds and attributes the quotations of one article.</summary>
/// <remarks>
/// Works on frames (sentences with quotations masked as single tokens) so a name inside a quotation is never
/// taken for its speaker. For each quotation: pick the cue verb of its frame (after the quote when the quote
/// opens the sentence, otherwise before it), then the phrase that names the speaker next to the cue
/// (subject before it, or after it in inverted order "said X" and in "according to X"), then resolve that
/// phrase (surname to full name, pronoun to the latest compatible actor, role to its holder). Quotes with no
/// cue continue the previous speaker only when they stand alone right after a quote.
/// </remarks>
internal sealed class QuoteAttributor
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "van", "von", "der", "den", "le", "la", "du", "da", "di", "del", "della", "bin", "al", "el", "ibn", "dos", "das", "ter",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those", "our",
    };

    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "at", "with", "to", "from", "by", "of", "for", "after", "before", "about", "against", "over", "into",
        "between", "among", "toward", "towards", "than", "like", "behind", "under", "during", "since", "until", "via", "near",
        "as", "that", "if", "whether", "because", "while", "when",
    };

    // Words skipped between a subject and its cue verb: auxiliaries, negation and common adverbs.
    private static readonly HashSet<string> Skippable = new(StringComparer.OrdinalIgnoreCase)
    {
        "has", "have", "had", "is", "was", "were", "are", "will", "would", "could", "should", "may", "might", "can", "did",
        "does", "do", "been", "be", "being", "also", "then", "later", "again", "once", "further", "not", "never", "already",
        "both", "still", "just", "only", "too", "even", "often", "previously", "earlier", "recently", "reportedly", "had",
        "however", "now", "first", "last", "separately", "flatly", "subsequently",
    };

    private static readonly HashSet<string> NounContext = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "its", "his", "her", "their", "these", "those", "our", "this", "in", "on", "at", "with", "from", "by",
        "of", "for", "after", "before", "about", "against", "over", "into", "between", "among", "under", "during", "via",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they", "it" };

    private static readonly HashSet<string> MemberNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "countries", "members", "states", "nations", "allies", "partners", "governments", "leaders",
    };

    private readonly Article _article;
    private readonly QuoteOptions _options;
    private readonly string _text;
    private readonly List<QuoteSpan> _spans;
    private readonly List<List<QuoteToken>> _tokens = [];
    private readonly List<QuoteFrame> _frames = [];
    private readonly List<NamedActor> _mentions = [];
    private readonly Dictionary<string, string> _surnames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(HashSet<string> Words, string Person, int Start)> _roles = [];
    private readonly IReadOnlyList<KnownActor> _known;
    private readonly List<(Quote Quote, SpeakerAttribution SpeakerAttribution, int QuoteFrame)> _done = [];
    private int[] _frameOfQuote = [];
    private int[] _tokenOfQuote = [];
    private readonly List<int> _paragraphFrameStart = [];
    private int[] _firstWord = [];
    private int[] _frameMentionStart = [];
    private bool?[] _heading = [];

    // SpeakerAttribution looks this many tokens either side of a quote: sentences are shorter, and the bound keeps
    // the work per quote constant on pathological input (one endless "sentence" full of quote marks).
    private const int Reach = 60;

    public QuoteAttributor(Article article, QuoteOptions options, IReadOnlyList<KnownActor> known)
    {
        _article = article;
        _options = options;
        _text = article.Text;
        _known = known.OrderBy(k => k.Start).ThenByDescending(k => k.End).ToList();
        _spans = QuoteScanner.Scan(_text, article.Paragraphs);
    }

    private QuoteWords Words => _options.Words;

    public List<Quote> Run()
    {
        Prepare();
        var quotes = new List<Quote>();
        var spanOf = new List<int>();
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
                    Confidence = Math.Min(next.Confidence, 0.7),
                };
            }
        }

        return quotes;
    }

    private void Prepare()
    {
        _frameOfQuote = new int[_spans.Count];
        _tokenOfQuote = new int[_spans.Count];
        var q = 0;
        for (var p = 0; p < _article.Paragraphs.Count; p++)
        {
            while (q < _spans.Count && _spans[q].Paragraph < p)
                q++;
            var tokens = QuoteTokenizer.Tokenize(_text, _article.Paragraphs[p], _spans, q);
            _tokens.Add(tokens);
            _paragraphFrameStart.Add(_frames.Count);
            QuoteTokenizer.AddFrames(tokens, p, _frames);
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
                if (tokens[k].Kind == QuoteTokenKind.Quote)
                {
                    _frameOfQuote[tokens[k].Quote] = f;
                    _tokenOfQuote[tokens[k].Quote] = k;
                }
            }
        }

        CollectMentions();
    }

    // ---------------------------------------------------------------- mentions

    private void CollectMentions()
    {
        // First pass: full names and the titles written before them; second pass: canonical forms.
        var runs = new List<(int QuoteFrame, int First, int Last, int TrimmedFirst)>();
        for (var f = 0; f < _frames.Count; f++)
        {
            var frame = _frames[f];
            var tokens = _tokens[frame.Paragraph];
            var k = frame.First;
            while (k < frame.End)
            {
                if (!StartsName(tokens, k))
                {
                    k++;
                    continue;
                }

                var last = ExtendRight(tokens, k, frame.End);
                var trimmed = TrimTitles(tokens, k, last);
                runs.Add((f, k, last, trimmed));
                if (trimmed <= last && last - trimmed >= 1 && !HasOrganizationWord(tokens, trimmed, last))
                {
                    var name = NameText(tokens, trimmed, last);
                    var surname = StripPossessive(tokens[last].Text);
                    if (!_surnames.TryGetValue(surname, out var seen) || !seen.EndsWith(name, StringComparison.OrdinalIgnoreCase))
                        _surnames[surname] = name;
                    var roleWords = RoleWordsBefore(tokens, frame.First, k, trimmed);
                    if (roleWords.Count > 0)
                        _roles.Add((roleWords, name, tokens[k].Start));
                }

                k = last + 1;
            }
        }

        foreach (var (f, first, last, trimmedFirst) in runs)
        {
            var tokens = _tokens[_frames[f].Paragraph];
            var phraseFirst = trimmedFirst <= last ? trimmedFirst : first;
            var start = tokens[phraseFirst].Start;
            var end = tokens[last].End;
            var surface = NameText(tokens, phraseFirst, last);

            // "U.S. intelligence agencies", "NATO countries": a group named by its owner.
            if (GroupAfter(tokens, first, last, _frames[f].End) is { } g)
            {
                var owner = KnownAt(start, end);
                var canonical = !MemberNouns.Contains(g.Head) ? g.Surface
                    : owner is { Kind: SpeakerKind.Organization } ? owner.Canonical
                    : surface;
                _mentions.Add(new NamedActor(g.Start, g.End, g.Surface, canonical, SpeakerKind.Group, f, null));
                continue;
            }

            if (KnownAt(start, end) is { } known)
            {
                _mentions.Add(new NamedActor(start, end, surface, known.Canonical, known.Kind, f, known.Gender));
                continue;
            }

            var kind = HasOrganizationWord(tokens, first, last) ? SpeakerKind.Organization
                : trimmedFirst > last ? SpeakerKind.Unknown
                : last > trimmedFirst || trimmedFirst > first || _surnames.ContainsKey(StripPossessive(tokens[last].Text)) ? SpeakerKind.Person
                : SpeakerKind.Unknown;
            if (kind == SpeakerKind.Unknown && first == _frames[f].First && last == first && LooksLikeVerbOrAdverb(tokens[first].Text)
                && first + 1 < tokens.Count && (tokens[first + 1].Text == "," || (tokens[first + 1].IsLower && !Skippable.Contains(tokens[first + 1].Text) && MatchCue(tokens, first + 1, tokens.Count) is null)))
                continue; // "Addressing reporters", "Separately," at a sentence start

            _mentions.Add(new NamedActor(start, end, surface, CanonicalName(surface, tokens[last].Text), kind, f, null));
        }

        // Catalog actors the name runs missed (lower-case role phrases, metonyms inside longer runs).
        _mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        var extra = new List<NamedActor>();
        foreach (var known in _known)
        {
            var at = MentionBefore(known.Start + 1);
            var covered = false;
            for (var i = at; i >= 0 && i > at - 4 && !covered; i--)
                covered = _mentions[i].Start <= known.Start && known.End <= _mentions[i].End;
            if (covered || InsideQuote(known.Start))
                continue;
            var f = FrameAt(known.Start);
            if (f >= 0)
                extra.Add(new NamedActor(known.Start, known.End, _text[known.Start..known.End], known.Canonical, known.Kind, f, known.Gender));
        }

        _mentions.AddRange(extra);
        _mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        _frameMentionStart = new int[_frames.Count + 1];
        var m = 0;
        for (var f = 0; f <= _frames.Count; f++)
        {
            while (m < _mentions.Count && _mentions[m].QuoteFrame < f)
                m++;
            _frameMentionStart[f] = m;
        }
    }

    private IEnumerable<NamedActor> MentionsOf(int frame, int limit = 40)
    {
        var end = Math.Min(_frameMentionStart[frame + 1], _frameMentionStart[frame] + limit);
        for (var i = _frameMentionStart[frame]; i < end; i++)
            yield return _mentions[i];
    }

    // Index of the last mention starting before offset (binary search), or -1.
    private int MentionBefore(int offset)
    {
        int lo = 0, hi = _mentions.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_mentions[mid].Start < offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private bool StartsName(List<QuoteToken> tokens, int k)
    {
        var t = tokens[k];
        return IsNameWord(t);
    }

    private bool IsNameWord(QuoteToken t) =>
        t.IsCapitalized && !Words.NonNames.Contains(t.Text) && !IsAllCapsNoise(t.Text) && !t.Text.Any(char.IsDigit);

    private static bool IsAllCapsNoise(string word) => word.Length > 12 && word.All(char.IsUpper);

    private int ExtendRight(List<QuoteToken> tokens, int k, int end)
    {
        var last = k;
        var sawOf = false;
        for (var j = k + 1; j < end; j++)
        {
            var t = tokens[j];
            if (IsNameWord(t) && !EndsWithPossessive(tokens[last].Text))
            {
                last = j;
                continue;
            }

            // "Bank of England", "Secretary of State": "of" joins only after an organisation word or a title,
            // so "Doug Madison of Commerzbank" stays a person.
            var ofJoins = t.Text == "of" && (Words.OrganizationNouns.Contains(tokens[j - 1].Text) || IsTitle(tokens[j - 1].Text));
            var connector = t.IsWord && (Particles.Contains(t.Text) || ofJoins || (sawOf && t.Text == "and"));
            if (connector && j + 1 < end && tokens[j + 1].IsCapitalized && !Words.NonNames.Contains(tokens[j + 1].Text))
            {
                sawOf |= t.Text == "of";
                continue;
            }

            break;
        }

        return last;
    }

    private int ExtendLeft(List<QuoteToken> tokens, int k, int start)
    {
        var first = k;
        for (var j = k - 1; j >= start; j--)
        {
            var t = tokens[j];
            if (IsNameWord(t) && !EndsWithPossessive(t.Text))
            {
                first = j;
                continue;
            }

            var connector = t.IsWord && (Particles.Contains(t.Text) || t.Text is "of" or "and");
            if (t.Text == "of" && j - 1 >= start && !Words.OrganizationNouns.Contains(tokens[j - 1].Text) && !IsTitle(tokens[j - 1].Text))
                break;
            if (connector && j - 1 >= start && tokens[j - 1].IsCapitalized && !Words.NonNames.Contains(tokens[j - 1].Text))
            {
                if (t.Text == "and" && !RunHasOf(tokens, start, j))
                    break;
                continue;
            }

            break;
        }

        // A leading particle ("de Danne") belongs to the name.
        if (first - 1 >= start && tokens[first - 1].IsWord && Particles.Contains(tokens[first - 1].Text) && (first - 2 < start || !tokens[first - 2].IsCapitalized))
            first--;
        return first;
    }

    private static bool RunHasOf(List<QuoteToken> tokens, int start, int j)
    {
        for (var m = j - 1; m >= start && (tokens[m].IsCapitalized || tokens[m].Text == "of"); m--)
        {
            if (tokens[m].Text == "of")
                return true;
        }

        return false;
    }

    // Index of the first token after leading titles ("Russian Foreign Minister"); last + 1 when all are titles.
    // A run with an organisation word and no title after it is an organisation's name and is kept whole
    // ("Russia's Foreign Ministry"); otherwise the name starts after the last title word
    // ("Russia Today Russian Foreign Minister Sergey Lavrov" -> "Sergey Lavrov").
    private int TrimTitles(List<QuoteToken> tokens, int first, int last)
    {
        var lastTitle = -1;
        var lastOrganization = -1;
        for (var k = first; k <= last; k++)
        {
            if (IsTitle(tokens[k].Text))
                lastTitle = k;
            if (Words.OrganizationNouns.Contains(StripPossessive(tokens[k].Text)))
                lastOrganization = k;
        }

        if (lastOrganization >= 0 && lastTitle <= lastOrganization)
            return first;
        if (lastTitle < 0)
            return first;
        if (lastTitle < last)
            return lastTitle + 1;
        var j = first;
        while (j <= last && (IsTitle(tokens[j].Text) || (tokens[j].Text == "of" && j > first)))
            j++;
        return j;
    }

    private bool IsTitle(string word) => Words.Titles.Contains(word) || Words.Titles.Contains(word.TrimEnd('.'));

    private bool HasOrganizationWord(List<QuoteToken> tokens, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (Words.OrganizationNouns.Contains(StripPossessive(tokens[k].Text)))
                return true;
        }

        return false;
    }

    // Titles and role nouns written right before a name: "Kremlin spokesman Dmitry Peskov", "co-author Michael Rataj".
    private HashSet<string> RoleWordsBefore(List<QuoteToken> tokens, int frameFirst, int runFirst, int trimmedFirst)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var k = runFirst; k < trimmedFirst; k++)
            words.Add(tokens[k].Text.TrimEnd('.'));
        for (var k = runFirst - 1; k >= frameFirst && k >= runFirst - 4; k--)
        {
            var t = tokens[k];
            if (!t.IsWord || Determiners.Contains(t.Text) || Prepositions.Contains(t.Text))
                break;
            if (t.IsLower && !Words.RoleNouns.Contains(t.Text) && !Words.Titles.Contains(t.Text) && !t.Text.Contains('-'))
                break;
            words.Add(t.Text);
        }

        return words;
    }

    private static bool LooksLikeVerbOrAdverb(string word) =>
        word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ly", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal);

    private string NameText(List<QuoteToken> tokens, int first, int last)
    {
        var name = _text[tokens[first].Start..tokens[last].End];
        return StripPossessive(name);
    }

    private static bool EndsWithPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal);

    private static string StripPossessive(string word) => EndsWithPossessive(word) ? word[..^2] : word;

    // A surname alone resolves to the full name written elsewhere in the article.
    private string CanonicalName(string surface, string lastWord)
    {
        if (!surface.Contains(' ') && _surnames.TryGetValue(StripPossessive(lastWord), out var full))
            return full;
        if (surface.Contains(' ') && _surnames.TryGetValue(StripPossessive(lastWord), out var longer)
            && longer.Length > surface.Length && longer.EndsWith(surface, StringComparison.OrdinalIgnoreCase))
            return longer; // "Le Pen" -> "Marine Le Pen"
        return surface;
    }

    private KnownActor? KnownAt(int start, int end)
    {
        KnownActor? best = null;
        // Actors starting before the phrase's end; a name is short, so a few steps back suffice.
        int lo = 0, hi = _known.Count - 1, last = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_known[mid].Start < end)
            {
                last = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        for (var i = last; i >= 0 && i > last - 8; i--)
        {
            var known = _known[i];
            if (known.End <= start || known.Start >= end)
                continue;
            // Prefer the actor that ends where the phrase ends: the head of "Putin's spokesman Dmitry Peskov" is Peskov.
            if (best is null || Math.Abs(known.End - end) < Math.Abs(best.End - end)
                || (Math.Abs(known.End - end) == Math.Abs(best.End - end) && known.End - known.Start > best.End - best.Start))
                best = known;
        }

        return best;
    }

    private bool InsideQuote(int offset)
    {
        int lo = 0, hi = _spans.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_spans[mid].OuterEnd <= offset)
                lo = mid + 1;
            else if (_spans[mid].Open > offset)
                hi = mid - 1;
            else
                return true;
        }

        return false;
    }

    private int FrameAt(int offset)
    {
        int lo = 0, hi = _frames.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var frame = _frames[mid];
            var tokens = _tokens[frame.Paragraph];
            if (frame.First >= frame.End || tokens[frame.End - 1].End <= offset)
                lo = mid + 1;
            else if (tokens[frame.First].Start > offset)
                hi = mid - 1;
            else
                return mid;
        }

        return -1;
    }

    // ---------------------------------------------------------------- quotes

    private Quote? Attribute(int q)
    {
        var span = _spans[q];
        var f = _frameOfQuote[q];
        var qi = _tokenOfQuote[q];
        var frame = _frames[f] with { First = Math.Max(_frames[f].First, qi - Reach), End = Math.Min(_frames[f].End, qi + Reach + 1) };
        var tokens = _tokens[frame.Paragraph];
        var quoteText = _text[span.ContentStart..span.ContentEnd];

        if (IsHeading(span.Paragraph) || IsLabel(tokens, frame, qi))
            return null;

        var kind = KindOf(tokens, frame, f, qi, span);
        var attribution = Canonical(FindSpeaker(q, tokens, frame, f, qi, kind));
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
            attribution.Speaker is null ? Math.Min(attribution.Confidence, 0.3) : attribution.Confidence);
        _done.Add((quote, attribution, f));
        return quote;
    }

    // Catalog spelling ("Sergei Lavrov" -> "Sergey Lavrov") and, when asked, the state a city speaks for.
    private SpeakerAttribution Canonical(SpeakerAttribution attribution)
    {
        if (attribution.Speaker is not { } speaker)
            return attribution;
        var actor = _options.Actors.Catalog.Find(speaker);
        if (actor is null)
            return attribution;
        var name = _options.ResolveMetonyms && actor.StandsFor is { } state ? state : actor.Name;
        return attribution with { Speaker = name };
    }

    private SpeakerAttribution FindSpeaker(int q, List<QuoteToken> tokens, QuoteFrame frame, int f, int qi, QuoteKind kind)
    {
        var span = _spans[q];

        // "according to X" anywhere in the frame names the source.
        for (var k = frame.First; k < frame.End; k++)
        {
            if (tokens[k].IsWord && MatchCue(tokens, k, frame.End) is { SpeakerFollows: true } fixedCue
                && PhraseAfter(tokens, k + fixedCue.Words.Length, frame.End) is { } source)
                return Resolve(source, CueText(tokens, k, fixedCue), f, 0.9);
        }

        var frameInitial = _firstWord[f] > qi;
        var (cueAt, cue) = frameInitial
            ? FirstCue(tokens, qi + 1, frame.End) is { Entry: not null } after ? after : LastCue(tokens, frame.First, qi)
            : LastCue(tokens, frame.First, qi) is { Entry: not null } before ? before : FirstCue(tokens, qi + 1, frame.End);

        if (cue is not null)
        {
            var cueText = CueText(tokens, cueAt, cue);
            var speaker = SpeakerOfCue(tokens, frame, f, cueAt, cue, afterQuote: cueAt > qi && OnlyPunctuationBetween(tokens, qi, cueAt));
            return speaker ?? SpeakerAttribution.Nobody(cueText);
        }

        // The quoted words themselves carry the verb: the minister "strongly condemned" the attack.
        if (kind == QuoteKind.Partial && StartsWithCue(_text[span.ContentStart..span.ContentEnd]) is { } innerCue
            && SubjectBefore(tokens, frame.First, qi) is { } subject)
            return Resolve(subject, innerCue, f, 0.7);

        // Colon introduction: "X had something to say:" then the quote.
        if (qi > frame.First && tokens[qi - 1].Text == ":")
        {
            if (FirstSubject(tokens, frame.First, qi - 1) is { } introducer)
                return Resolve(introducer, null, f, 0.8);
        }

        var quoteOnly = _firstWord[f] == _frames[f].End;
        if (!quoteOnly)
            return SpeakerAttribution.Nobody();

        if (f == _paragraphFrameStart[frame.Paragraph + 1] - 1)
        {
            if (_frames[f].First == 0 && PreviousParagraphEndsWithColon(frame.Paragraph) is { } intro)
                return intro;
            if (!span.RunsOn && NextParagraphAttribution(frame.Paragraph) is { } next)
                return next;
        }

        if (_frames[f].First == 0 && PreviousParagraphEndsWithColon(frame.Paragraph) is { } colon)
            return colon;

        // A quote standing alone right after another quote continues its speaker.
        if (_done.Count > 0)
        {
            var (prevQuote, prev, prevFrame) = _done[^1];
            var prevParagraph = _frames[prevFrame].Paragraph;
            var sameParagraph = prevParagraph == frame.Paragraph;
            var nextParagraph = prevParagraph == frame.Paragraph - 1 && _frames[f].First == 0;
            if ((sameParagraph || nextParagraph) && prev.Speaker is not null && prevQuote.End <= span.Open)
                return prev with { Resolution = SpeakerResolution.Continuation, Cue = null, Confidence = Math.Min(prev.Confidence, 0.8) };
        }

        return SpeakerAttribution.Nobody();
    }

    private SpeakerAttribution? SpeakerOfCue(List<QuoteToken> tokens, QuoteFrame frame, int f, int cueAt, CueEntry cue, bool afterQuote)
    {
        var cueText = CueText(tokens, cueAt, cue);
        var cueEnd = cueAt + cue.Words.Length;

        // Inverted order right after the quote: "…," said de Danne.
        if (afterQuote && PhraseAfter(tokens, cueEnd, frame.End) is { } inverted && inverted.Kind != SpeakerPhraseKind.Document)
            return Resolve(inverted, cueText, f, 0.9);

        // Passive voice: "was described by X as …".
        if (cueAt > frame.First && tokens[cueAt - 1].Text is "was" or "were" or "been" or "being" or "is" or "are" && cue.Lemma != "quote")
        {
            if (cueEnd < frame.End && tokens[cueEnd].Is("by") && PhraseAfter(tokens, cueEnd + 1, frame.End) is { } agent)
                return Resolve(agent, cueText, f, 0.8);
            return null;
        }

        // A participle ("…, adding that …") or a coordinated verb ("… and expressed …") shares the clause's subject.
        var prevWord = cueAt - 1 >= frame.First ? tokens[cueAt - 1] : default;
        if (cue.IsParticiple && (prevWord.Kind == QuoteTokenKind.Punct || prevWord.Kind == QuoteTokenKind.Quote || cueAt == frame.First))
            return FirstSubject(tokens, frame.First, cueAt) is { } main ? Resolve(main, cueText, f, 0.8) : null;
        if (prevWord.IsWord && prevWord.Is("and"))
        {
            if (LastCue(tokens, frame.First, cueAt - 1) is { Entry: not null } earlier)
                return SpeakerOfCue(tokens, frame, f, earlier.At, earlier.Entry, afterQuote: false) is { } shared
                    ? shared with { Cue = cueText }
                    : null;
            return FirstSubject(tokens, frame.First, cueAt) is { } main ? Resolve(main, cueText, f, 0.75) : null;
        }

        if (SubjectBefore(tokens, frame.First, cueAt) is { } subject)
            return Resolve(subject, cueText, f, 0.9);
        if (cue.IsParticiple && FirstSubject(tokens, frame.First, cueAt) is { } clauseSubject)
            return Resolve(clauseSubject, cueText, f, 0.7);
        if (cueAt > frame.First && tokens[cueAt - 1].Kind == QuoteTokenKind.Quote && PhraseAfter(tokens, cueEnd, frame.End) is { } late)
            return Resolve(late, cueText, f, 0.85);
        return null;
    }

    // ---------------------------------------------------------------- phrases

    /// <summary>The phrase that is the subject of a verb at <paramref name="at"/>, scanning left over auxiliaries and adverbs.</summary>
    private SpeakerPhrase? SubjectBefore(List<QuoteToken> tokens, int start, int at)
    {
        var j = at - 1;
        var skipped = 0;
        while (j >= start)
        {
            var t = tokens[j];
            if (t.IsWord && (Skippable.Contains(t.Text) || (t.IsLower && t.Text.EndsWith("ly", StringComparison.Ordinal) && t.Text.Length > 4)))
            {
                j--;
                continue;
            }

            if (t.IsWord && t.Text == "to" && j - 1 >= start && tokens[j - 1].IsLower)
            {
                j -= 2; // "continue to pledge", "something to say"
                skipped++;
                continue;
            }

            if (t.Kind == QuoteTokenKind.Punct && t.Text is "(" or ")")
            {
                j--;
                continue;
            }

            break;
        }

        if (j < start)
            return null;
        var head = tokens[j];
        if (head.IsWord && Pronouns.Contains(head.Text))
            return new SpeakerPhrase(SpeakerPhraseKind.Pronoun, 0, j, j, head.Start, head.End, head.Text, head.Text.ToLowerInvariant());
        if (head.IsCapitalized && !Words.NonNames.Contains(head.Text))
            return NamePhrase(tokens, ExtendLeft(tokens, j, start), j);
        if (head.IsWord && head.Text is "who" or "which" && j - 1 >= start)
        {
            var before = tokens[j - 1].Text == "," ? j - 2 : j - 1;
            if (before >= start && tokens[before].IsCapitalized)
                return NamePhrase(tokens, ExtendLeft(tokens, before, start), before);
            if (before >= start && tokens[before].IsLower && NounPhrase(tokens, start, before) is { } group)
            {
                // "Putin and other Russian officials, who …": the named one leads.
                var lead = group.First - 1;
                if (tokens[group.First].Is("other") && lead - 1 >= start && tokens[lead].Is("and") && IsNameWord(tokens[lead - 1]))
                    return NamePhrase(tokens, ExtendLeft(tokens, lead - 1, start), lead - 1);
                return group;
            }

            return null;
        }

        if (head.IsLower)
        {
            if (NounPhrase(tokens, start, j) is { } noun)
                return noun;
            if (skipped == 0 && j - 1 >= start && !Determiners.Contains(head.Text))
            {
                // One unknown verb between subject and cue: "had something to say" was handled above; "went on to say".
                var inner = SubjectBefore(tokens, start, j);
                if (inner is { Kind: SpeakerPhraseKind.Name or SpeakerPhraseKind.Pronoun } && inner.Value.Last == j - 1)
                    return inner;
            }
        }

        return null;
    }

    /// <summary>The phrase right after a cue: a name, a pronoun ("said he"), or a determiner phrase ("said the ministry").</summary>
    private SpeakerPhrase? PhraseAfter(List<QuoteToken> tokens, int k, int end)
    {
        if (k >= end)
            return null;
        var t = tokens[k];
        if (t.IsWord && Pronouns.Contains(t.Text))
            return new SpeakerPhrase(SpeakerPhraseKind.Pronoun, 0, k, k, t.Start, t.End, t.Text, t.Text.ToLowerInvariant());
        if (t.IsWord && Particles.Contains(t.Text) && k + 1 < end && tokens[k + 1].IsCapitalized)
            return NamePhrase(tokens, k, ExtendRight(tokens, k + 1, end));
        if (t.IsCapitalized && !Words.NonNames.Contains(t.Text))
        {
            var last = ExtendRight(tokens, k, end);
            // "said Russian Foreign Ministry spokeswoman Maria Zakharova": a role phrase then the name.
            var j = last + 1;
            while (j < end && j <= last + 3 && tokens[j].IsLower && (Words.RoleNouns.Contains(tokens[j].Text) || Words.Titles.Contains(tokens[j].Text)))
                j++;
            if (j > last + 1 && j < end && tokens[j].IsCapitalized)
                return NamePhrase(tokens, j, ExtendRight(tokens, j, end));
            return NamePhrase(tokens, k, last);
        }

        if (t.IsWord && Determiners.Contains(t.Text))
        {
            for (var j = k + 1; j < end && j <= k + 5; j++)
            {
                var w = tokens[j];
                if (!w.IsWord)
                    break;
                if (w.IsCapitalized && j + 1 < end && tokens[j + 1].IsCapitalized)
                    continue;
                var isHead = j + 1 >= end || !tokens[j + 1].IsWord || Prepositions.Contains(tokens[j + 1].Text) || tokens[j + 1].Text is "who" or "which" or "that";
                if (isHead && NounPhrase(tokens, k, j) is { } noun)
                {
                    // "said the Kremlin spokesman Dmitry Peskov": the name wins.
                    if (j + 1 < end && tokens[j + 1].IsCapitalized)
                        return NamePhrase(tokens, j + 1, ExtendRight(tokens, j + 1, end));
                    return noun;
                }

                if (w.IsLower && (Words.RoleNouns.Contains(w.Text) || Words.OrganizationNouns.Contains(w.Text)) && j + 1 < end && tokens[j + 1].IsCapitalized)
                    return NamePhrase(tokens, j + 1, ExtendRight(tokens, j + 1, end));
            }
        }

        return null;
    }

    /// <summary>A lower-case headed phrase ending at <paramref name="headAt"/>: "the Kremlin spokesman", "NATO countries".</summary>
    private SpeakerPhrase? NounPhrase(List<QuoteToken> tokens, int start, int headAt)
    {
        var head = tokens[headAt];
        var headWord = head.Text.ToLowerInvariant();
        SpeakerPhraseKind kind;
        if (Words.RoleNouns.Contains(headWord))
            kind = SpeakerPhraseKind.Role;
        else if (Words.OrganizationNouns.Contains(headWord))
            kind = SpeakerPhraseKind.Organization;
        else if (Words.DocumentNouns.Contains(headWord))
            kind = SpeakerPhraseKind.Document;
        else if (headWord.EndsWith('s') && (Words.RoleNouns.Contains(headWord[..^1]) || Words.OrganizationNouns.Contains(headWord[..^1])
                     || MemberNouns.Contains(headWord) || headWord.EndsWith("ies", StringComparison.Ordinal) || Words.RoleNouns.Contains(headWord.TrimEnd('s'))))
            kind = SpeakerPhraseKind.Group;
        else
            return null;

        var first = headAt;
        for (var j = headAt - 1; j >= start && j >= headAt - 5; j--)
        {
            var t = tokens[j];
            if (!t.IsWord || Prepositions.Contains(t.Text) || Skippable.Contains(t.Text) || t.Text is "who" or "which" or "and" or "or")
                break;
            first = j;
            if (Determiners.Contains(t.Text) || EndsWithPossessive(t.Text))
                break;
        }

        // A group needs something that says whose it is ("NATO countries", "U.S. intelligence agencies").
        if (kind == SpeakerPhraseKind.Group && !Enumerable.Range(first, headAt - first).Any(j => tokens[j].IsCapitalized))
            return null;
        return new SpeakerPhrase(kind, 0, first, headAt, tokens[first].Start, head.End, _text[tokens[first].Start..head.End], headWord);
    }

    private SpeakerPhrase NamePhrase(List<QuoteToken> tokens, int first, int last)
    {
        var trimmed = TrimTitles(tokens, first, last);
        var kind = SpeakerPhraseKind.Name;
        if (trimmed > last)
        {
            // Only titles: "the Foreign Minister", "the Kremlin".
            kind = HasOrganizationWord(tokens, first, last) ? SpeakerPhraseKind.Organization : SpeakerPhraseKind.Role;
            trimmed = first;
        }

        var start = tokens[trimmed].Start;
        var fullStart = tokens[first].Start;
        var end = tokens[last].End;
        return new SpeakerPhrase(kind, 0, first, last, kind == SpeakerPhraseKind.Name ? start : fullStart, end, StripPossessive(_text[(kind == SpeakerPhraseKind.Name ? start : fullStart)..end]),
            StripPossessive(tokens[last].Text).ToLowerInvariant());
    }

    /// <summary>The subject of a clause: the first name, pronoun or role phrase that is not inside a prepositional phrase.</summary>
    private SpeakerPhrase? FirstSubject(List<QuoteToken> tokens, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            var t = tokens[k];
            if (!t.IsWord)
                continue;
            var afterPreposition = k > start && tokens[k - 1].IsWord && (Prepositions.Contains(tokens[k - 1].Text) || Determiners.Contains(tokens[k - 1].Text) && k - 2 >= start && Prepositions.Contains(tokens[k - 2].Text));
            if (Pronouns.Contains(t.Text))
                return new SpeakerPhrase(SpeakerPhraseKind.Pronoun, 0, k, k, t.Start, t.End, t.Text, t.Text.ToLowerInvariant());
            if (t.IsCapitalized && !Words.NonNames.Contains(t.Text))
            {
                var last = ExtendRight(tokens, k, end);
                if (!afterPreposition && !(last == k && LooksLikeVerbOrAdverb(t.Text) && k == start))
                {
                    // "Kremlin spokesman Dmitry Peskov": skip the role words to the name.
                    var j = last + 1;
                    while (j < end && j <= last + 3 && tokens[j].IsLower && (Words.RoleNouns.Contains(tokens[j].Text) || Words.Titles.Contains(tokens[j].Text)))
                        j++;
                    if (j > last + 1 && j < end && tokens[j].IsCapitalized)
                        return NamePhrase(tokens, j, ExtendRight(tokens, j, end));
                    if (last + 1 < end && tokens[last + 1].IsLower && NounPhraseForward(tokens, k, end) is { } group)
                        return group;
                    return NamePhrase(tokens, k, last);
                }

                k = last;
                continue;
            }

            if (t.IsLower && Determiners.Contains(t.Text) && !afterPreposition && !(k > start && tokens[k - 1].IsWord && !Determiners.Contains(tokens[k - 1].Text) && tokens[k - 1].IsLower))
            {
                if (NounPhraseForward(tokens, k, end) is { } noun)
                    return noun;
            }
        }

        return null;
    }

    private SpeakerPhrase? GroupAfter(List<QuoteToken> tokens, int first, int last, int end)
    {
        for (var j = last + 1; j < end && j <= last + 3 && tokens[j].IsLower; j++)
        {
            if (NounPhrase(tokens, first, j) is { Kind: SpeakerPhraseKind.Group } group && (j + 1 >= end || !tokens[j + 1].IsLower || !IsNounish(tokens[j + 1].Text)))
                return group with { First = first, Start = tokens[first].Start, Surface = _text[tokens[first].Start..tokens[j].End] };
        }

        return null;
    }

    private SpeakerPhrase? NounPhraseForward(List<QuoteToken> tokens, int k, int end)
    {
        for (var j = k + 1; j < end && j <= k + 5; j++)
        {
            if (!tokens[j].IsWord)
                return null;
            var nextIsWord = j + 1 < end && tokens[j + 1].IsWord && !Prepositions.Contains(tokens[j + 1].Text) && !Skippable.Contains(tokens[j + 1].Text);
            if (tokens[j].IsLower && NounPhrase(tokens, k, j) is { } noun && (!nextIsWord || tokens[j + 1].IsLower && !IsNounish(tokens[j + 1].Text)))
                return noun;
        }

        return null;
    }

    private bool IsNounish(string word) =>
        Words.RoleNouns.Contains(word) || Words.OrganizationNouns.Contains(word) || Words.DocumentNouns.Contains(word) || MemberNouns.Contains(word);

    // ---------------------------------------------------------------- resolution

    private SpeakerAttribution Resolve(SpeakerPhrase phrase, string? cue, int frame, double confidence)
    {
        switch (phrase.Kind)
        {
            case SpeakerPhraseKind.Name:
            {
                if (KnownAt(phrase.Start, phrase.End) is { } known)
                    return new SpeakerAttribution(known.Canonical, phrase.Surface, SpeakerResolution.Name, cue, confidence, known.Kind);
                var at = MentionBefore(phrase.Start + 1);
                var mention = at >= 0 && _mentions[at].Start <= phrase.Start && phrase.End <= _mentions[at].End + 2 ? _mentions[at] : null;
                var canonical = mention?.Canonical ?? CanonicalName(phrase.Surface, phrase.Head);
                var kind = mention?.Kind ?? SpeakerKind.Unknown;
                return new SpeakerAttribution(canonical, phrase.Surface, SpeakerResolution.Name, cue, confidence, kind);
            }

            case SpeakerPhraseKind.Pronoun:
                return ResolvePronoun(phrase, cue, frame, confidence);

            case SpeakerPhraseKind.Role:
            {
                // The article's own "French Defense Minister Sebastien Lecornu" beats the catalog's holder list.
                var words = phrase.Surface.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Where(w => !Determiners.Contains(w))
                    .Select(w => w.TrimEnd('.'))
                    .ToList();
                for (var r = _roles.Count - 1; r >= 0 && r >= _roles.Count - 100; r--)
                {
                    var (roleWords, person, start) = _roles[r];
                    if (start < phrase.Start && words.All(roleWords.Contains))
                        return new SpeakerAttribution(person, phrase.Surface, SpeakerResolution.Role, cue, confidence * 0.85, SpeakerKind.Person);
                }

                if (KnownAt(phrase.Start, phrase.End) is { } known)
                    return new SpeakerAttribution(known.Canonical, phrase.Surface, SpeakerResolution.Role, cue, confidence * 0.9, known.Kind);
                var recent = RecentActors(phrase.Start);
                if (_options.Actors.Catalog.ResolveRole(phrase.Surface, _article.Published, recent) is { } holder)
                    return new SpeakerAttribution(holder.Name, phrase.Surface, SpeakerResolution.Role, cue, confidence * 0.85, SpeakerKind.Person);

                // An office named again after its holder spoke ("…," the top diplomat added): the latest person quoted.
                if (_done.Count > 0 && _done[^1].SpeakerAttribution is { Speaker: not null, Kind: SpeakerKind.Person or SpeakerKind.Unknown } last
                    && last.Resolution != SpeakerResolution.None)
                    return new SpeakerAttribution(last.Speaker, phrase.Surface, SpeakerResolution.Role, cue, 0.5, last.Kind);
                return new SpeakerAttribution(null, phrase.Surface, SpeakerResolution.None, cue, 0.2, SpeakerKind.Unknown);
            }

            case SpeakerPhraseKind.Organization:
            {
                if (KnownAt(phrase.Start, phrase.End) is { } known)
                    return new SpeakerAttribution(known.Canonical, phrase.Surface, SpeakerResolution.Role, cue, confidence * 0.9, known.Kind);
                var from = MentionBefore(phrase.Start);
                for (var m = from; m >= 0 && m > from - 300; m--)
                {
                    var mention = _mentions[m];
                    if (mention.End <= phrase.Start && mention.Surface.Contains(phrase.Head, StringComparison.OrdinalIgnoreCase))
                        return new SpeakerAttribution(mention.Canonical, phrase.Surface, SpeakerResolution.Role, cue, confidence * 0.8, SpeakerKind.Organization);
                }

                // "the company said": the latest organisation named before (a firm's name rarely contains "company").
                if (phrase.Head is "company" or "firm")
                {
                    for (var m = from; m >= 0 && m > from - 300; m--)
                    {
                        if (_mentions[m].Kind == SpeakerKind.Organization)
                            return new SpeakerAttribution(_mentions[m].Canonical, phrase.Surface, SpeakerResolution.Role, cue, confidence * 0.7, SpeakerKind.Organization);
                    }
                }

                // A capitalised organisation name ("the Foreign Ministry") stands for itself.
                var named = StripDeterminer(phrase.Surface);
                if (named.Split(' ').Any(w => w.Length > 0 && char.IsUpper(w[0])))
                    return new SpeakerAttribution(StripDeterminer(phrase.Surface), phrase.Surface, SpeakerResolution.Name, cue, confidence * 0.8, SpeakerKind.Organization);
                return new SpeakerAttribution(null, phrase.Surface, SpeakerResolution.None, cue, 0.2, SpeakerKind.Organization);
            }

            case SpeakerPhraseKind.Document:
            {
                // "the caption read", "the statement said": whoever last posted, published or said something.
                for (var f = frame - 1; f >= 0 && f >= frame - 4; f--)
                {
                    var fr = _frames[f] with { First = Math.Max(_frames[f].First, _frames[f].End - Reach) };
                    var tokens = _tokens[fr.Paragraph];
                    for (var k = fr.End - 1; k >= fr.First; k--)
                    {
                        if (!tokens[k].IsWord || MatchCue(tokens, k, fr.End) is not { } earlier)
                            continue;
                        var inner = SpeakerOfCue(tokens, fr, f, k, earlier, afterQuote: false);
                        if (inner is { Speaker: not null } found)
                            return found with { Resolution = SpeakerResolution.Context, Mention = phrase.Surface, Cue = cue, Confidence = 0.6 };
                    }
                }

                return new SpeakerAttribution(null, phrase.Surface, SpeakerResolution.None, cue, 0.2, SpeakerKind.Unknown);
            }

            case SpeakerPhraseKind.Group:
            {
                if (KnownAt(phrase.Start, phrase.End) is { } known && known.Kind == SpeakerKind.Organization && MemberNouns.Contains(phrase.Head))
                    return new SpeakerAttribution(known.Canonical, phrase.Surface, SpeakerResolution.Name, cue, confidence * 0.8, SpeakerKind.Organization);
                if (MemberNouns.Contains(phrase.Head))
                {
                    var owner = string.Join(' ', phrase.Surface.Split(' ').Where(w => w.Length > 0 && char.IsUpper(w[0]) && !Determiners.Contains(w)));
                    if (owner.Length > 0)
                        return new SpeakerAttribution(owner, phrase.Surface, SpeakerResolution.Name, cue, confidence * 0.7, SpeakerKind.Group);
                }

                return new SpeakerAttribution(StripDeterminer(phrase.Surface), phrase.Surface, SpeakerResolution.Name, cue, confidence * 0.7, SpeakerKind.Group);
            }
        }

        return SpeakerAttribution.Nobody(cue);
    }

    // Canonical names of the actors named before an offset, most recent last (context for unscoped role phrases).
    private List<string> RecentActors(int offset)
    {
        var recent = new List<string>();
        var at = MentionBefore(offset);
        for (var m = Math.Max(0, at - 30); m <= at; m++)
            recent.Add(_mentions[m].Canonical);
        foreach (var (_, attribution, _) in _done.TakeLast(3))
        {
            if (attribution.Speaker is { } speaker)
                recent.Add(speaker);
        }

        return recent;
    }

    private static string StripDeterminer(string phrase)
    {
        var space = phrase.IndexOf(' ');
        return space > 0 && Determiners.Contains(phrase[..space]) ? phrase[(space + 1)..] : phrase;
    }

    private SpeakerAttribution ResolvePronoun(SpeakerPhrase phrase, string? cue, int frame, double confidence)
    {
        var personal = phrase.Head is "he" or "she";
        var gender = phrase.Head switch { "he" => "male", "she" => "female", _ => null };

        bool Compatible(SpeakerKind kind, string? g) =>
            personal
                ? kind is SpeakerKind.Person or SpeakerKind.Unknown && (g is null || g == gender) && kind != SpeakerKind.Place
                : kind is SpeakerKind.Organization or SpeakerKind.Place or SpeakerKind.Group
                  || (kind == SpeakerKind.Unknown && phrase.Head is "it" or "they");

        SpeakerAttribution From(NamedActor m) =>
            new(m.Canonical, phrase.Surface, SpeakerResolution.Pronoun, cue, confidence * 0.8, m.Kind);

        // 1. Earlier in the same sentence, its subject first: "Lavrov criticised what he described as …".
        var sameFrame = new List<NamedActor>();
        var before = MentionBefore(phrase.Start);
        for (var i = before; i >= 0 && i > before - 40 && _mentions[i].QuoteFrame == frame; i--)
        {
            if (_mentions[i].End <= phrase.Start && Compatible(_mentions[i].Kind, _mentions[i].Gender))
                sameFrame.Add(_mentions[i]);
        }

        sameFrame.Reverse();
        var subject = sameFrame.FirstOrDefault(m => m.Kind != SpeakerKind.Unknown) ?? sameFrame.FirstOrDefault();
        if (subject is not null && (personal ? subject.Kind == SpeakerKind.Person : true))
            return From(subject);

        // 2. The speaker of a quote in this or the previous sentences.
        for (var i = _done.Count - 1; i >= 0 && i >= _done.Count - 6 && _done[i].QuoteFrame >= frame - 2; i--)
        {
            var prev = _done[i].SpeakerAttribution;
            if (prev.Speaker is not null && Compatible(prev.Kind, null) && (personal ? prev.Kind != SpeakerKind.Organization : prev.Kind != SpeakerKind.Person))
                return prev with { Mention = phrase.Surface, Resolution = SpeakerResolution.Pronoun, Cue = cue, Confidence = confidence * 0.8 };
        }

        // 3. The subject (first compatible actor) of the previous sentences.
        for (var f = frame - 1; f >= 0 && f >= frame - 4; f--)
        {
            var inFrame = MentionsOf(f).Where(m => Compatible(m.Kind, m.Gender)).ToList();
            var pick = personal
                ? inFrame.FirstOrDefault(m => m.Kind == SpeakerKind.Person)
                : inFrame.FirstOrDefault(m => m.Kind != SpeakerKind.Unknown) ?? inFrame.FirstOrDefault();
            if (pick is not null)
                return From(pick) with { Confidence = confidence * 0.7 };
        }

        if (subject is not null && !personal)
            return From(subject) with { Confidence = confidence * 0.6 };
        return new SpeakerAttribution(null, phrase.Surface, SpeakerResolution.None, cue, 0.2, SpeakerKind.Unknown);
    }

    // ---------------------------------------------------------------- cues and shapes

    private CueEntry? MatchCue(List<QuoteToken> tokens, int k, int end)
    {
        // Cue verbs are lower case; after a determiner or preposition they are nouns ("dismissed claims", "in a post").
        if (!tokens[k].IsWord)
            return null;
        var capitalized = !tokens[k].IsLower;
        if (k > 0 && tokens[k - 1].IsWord && NounContext.Contains(tokens[k - 1].Text))
            return null;
        if (k > 0 && tokens[k - 1].IsLower && tokens[k].Text.EndsWith('s') && _options.Cues.Match([tokens[k - 1].Text], 0) is not null)
            return null;
        var words = new List<string>(3);
        for (var j = k; j < end && j < k + 3 && tokens[j].IsWord; j++)
            words.Add(tokens[j].Text);
        var cue = _options.Cues.Match(words, 0);
        return capitalized && cue is not { SpeakerFollows: true } ? null : cue; // "According to X," opens a sentence
    }

    private (int At, CueEntry? Entry) FirstCue(List<QuoteToken> tokens, int from, int end)
    {
        for (var k = from; k < end; k++)
        {
            if (tokens[k].IsWord && MatchCue(tokens, k, end) is { } cue)
                return (k, cue);
        }

        return (-1, null);
    }

    private (int At, CueEntry? Entry) LastCue(List<QuoteToken> tokens, int start, int before)
    {
        for (var k = before - 1; k >= start; k--)
        {
            if (tokens[k].IsWord && MatchCue(tokens, k, before) is { } cue)
                return (k, cue);
        }

        return (-1, null);
    }

    private string CueText(List<QuoteToken> tokens, int at, CueEntry cue) =>
        _text[tokens[at].Start..tokens[at + cue.Words.Length - 1].End].ToLowerInvariant();

    private string? StartsWithCue(string quoted)
    {
        var words = quoted.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        for (var k = 0; k < words.Length && k < 2; k++)
        {
            if (_options.Cues.Match(words, k) is { SpeakerFollows: false } cue && !cue.IsParticiple)
                return string.Join(' ', words.Skip(k).Take(cue.Words.Length)).ToLowerInvariant();
        }

        return null;
    }

    private static bool OnlyPunctuationBetween(List<QuoteToken> tokens, int from, int to)
    {
        for (var k = from + 1; k < to; k++)
        {
            if (tokens[k].Kind != QuoteTokenKind.Punct)
                return false;
        }

        return true;
    }

    private SpeakerAttribution? PreviousParagraphEndsWithColon(int paragraph)
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
    private SpeakerAttribution? NextParagraphAttribution(int paragraph)
    {
        if (paragraph + 1 >= _tokens.Count)
            return null;
        var next = _tokens[paragraph + 1];
        var f = _paragraphFrameStart[paragraph + 1];
        if (f >= _frames.Count)
            return null;
        var frame = _frames[f] with { End = Math.Min(_frames[f].End, _frames[f].First + 20) };
        var words = 0;
        for (var k = frame.First; k < frame.End; k++)
        {
            if (next[k].Kind == QuoteTokenKind.Quote)
                return null;
            if (next[k].IsWord)
                words++;
        }

        var (cueAt, cue) = FirstCue(next, frame.First, frame.End);
        if (cue is null || cueAt - frame.First > 5 || words > 12)
            return null;
        return SpeakerOfCue(next, frame, f, cueAt, cue, afterQuote: false);
    }

    private QuoteKind KindOf(List<QuoteToken> tokens, QuoteFrame frame, int f, int qi, QuoteSpan span)
    {
        var quoted = _text[span.ContentStart..span.ContentEnd];
        var endsClause = span.RunsOn || quoted[^1] is ',' or '.' or '!' or '?' or '…' or ';' or ':' or '—' or '–' or '-'
            || qi + 1 >= frame.End || tokens[qi + 1].Kind != QuoteTokenKind.Word;
        if (!endsClause)
            return QuoteKind.Partial;
        if (_firstWord[f] > qi)
            return QuoteKind.Full;
        var before = tokens[qi - 1];
        if (before.Text is ":" or "—" or "–")
            return QuoteKind.Full;

        // The second half of an interrupted quote: "A," he said, "B."
        if (before.Text == ",")
        {
            for (var k = qi - 2; k >= frame.First && k >= qi - 8; k--)
            {
                if (tokens[k].Kind == QuoteTokenKind.Quote)
                    return _text[_spans[tokens[k].Quote].ContentEnd - 1] == ',' ? QuoteKind.Full : QuoteKind.Partial;
            }
        }

        return QuoteKind.Partial;
    }

    private bool IsHeading(int paragraph) => _heading[paragraph] ??= LooksLikeHeading(paragraph);

    // A short paragraph without sentence punctuation at its end: a headline, a section title, a caption.
    private bool LooksLikeHeading(int paragraph)
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

    private bool IsLabel(List<QuoteToken> tokens, QuoteFrame frame, int qi)
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

    private int SentenceIndex(int offset)
    {
        var sentences = _article.Sentences;
        int lo = 0, hi = sentences.Count - 1, found = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (sentences[mid].Start <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private static int WordCount(string text) => Segmenter.CountWords(text);
}
