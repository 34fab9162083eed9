namespace NewsLens;

/// <summary>From a speaker phrase to a canonical actor: names, pronouns, roles, organisations, documents, groups.</summary>
internal sealed partial class QuoteAttributor
{
    /// <summary>Second stage: the configured resolver for the phrase's kind; nobody when the rules have none.</summary>
    internal SpeakerAttribution Resolve(SpeakerPhrase phrase, string? cue, int frame, double confidence)
    {
        foreach (var resolver in _options.Rules.Resolvers)
        {
            if (resolver.Kind == phrase.Kind)
                return resolver.Resolve(this, phrase, cue, frame, confidence);
        }

        return new SpeakerAttribution(null, phrase.Surface, SpeakerResolution.None, cue, 0.2, SpeakerKind.Unknown);
    }

    internal SpeakerAttribution ResolveName(SpeakerPhrase phrase, string? cue, double confidence)
    {
            {
                var printed = CanonicalName(phrase.Surface, phrase.Head, phrase.Start);
                if (KnownAt(phrase.Start, phrase.End) is { } known && !PrintedNameDiffers(phrase, printed, known) && !HonorificContradicts(phrase.Start, known))
                    return new SpeakerAttribution(known.Canonical, phrase.Surface, SpeakerResolution.Name, cue, confidence, known.Kind);
                var at = MentionBefore(phrase.Start + 1);
                NamedActor? mention = at >= 0 && _mentions[at].Start <= phrase.Start && phrase.End <= _mentions[at].End + 2 ? _mentions[at] : null;
                var canonical = mention is { } m && (m.Canonical == printed || m.Kind != SpeakerKind.Person || !PrintedNameDiffers(phrase, printed, KnownNamed(m.Canonical))) ? m.Canonical : printed;
                var kind = mention?.Kind ?? SpeakerKind.Unknown;
                return new SpeakerAttribution(canonical, phrase.Surface, SpeakerResolution.Name, cue, confidence, kind);
            }

    }

    internal SpeakerAttribution ResolveRole(SpeakerPhrase phrase, string? cue, double confidence)
    {
            {
                // "a Pentagon spokesman", "Clinton spokeswoman": a spokesperson's words are the owner's.
                // A definite "the Kremlin spokesman" is a person named before, resolved as a role below.
                if (phrase.Head is "spokesman" or "spokeswoman" or "spokesperson" && !StartsWithDefinite(phrase.Surface) && SpokespersonOwner(phrase) is { } owner)
                    return owner with { Cue = cue, Confidence = confidence * 0.8 };

                // "a spokesman", "one official": deliberately unnamed.
                if (IsIndefinite(phrase.Surface))
                    return new SpeakerAttribution(null, phrase.Surface, SpeakerResolution.None, cue, 0.2, SpeakerKind.Person);

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

                // Only an actor that is the phrase's head holds the role: in "Obama's former campaign strategist" or
                // "the New York businessman" the name before the head says whose or where, not who.
                if (KnownAt(phrase.Start, phrase.End) is { } known && known.End >= phrase.End - 1)
                    return new SpeakerAttribution(known.Canonical, phrase.Surface, SpeakerResolution.Role, cue, confidence * 0.9, known.Kind);
                var recent = RecentActors(phrase.Start);
                if (_options.Actors.Catalog.ResolveRole(phrase.Surface, _article.Published, recent) is { } holder)
                    return new SpeakerAttribution(holder.Name, phrase.Surface, SpeakerResolution.Role, cue, confidence * 0.85, SpeakerKind.Person);

                // A description standing for the person the story is about ("David Axelrod on Wednesday called on …
                // “…,” Obama's former campaign strategist said", "Trump cited … “…,” the New York businessman said"):
                // the person subject of a recent sentence.
                // A name inside the phrase says whose ("Gary Johnson's doctor"): never who.
                var possessor = OwnerInside(phrase);
                if (RecentPersonSubject(FrameAt(phrase.Start), possessor) is { } subject)
                    return new SpeakerAttribution(subject.Canonical, phrase.Surface, SpeakerResolution.Role, cue, 0.5, SpeakerKind.Person);

                // An office named again after its holder spoke ("…," the top diplomat added): the latest person quoted.
                if (_done.Count > 0 && _done[^1].SpeakerAttribution is { Speaker: not null, Kind: SpeakerKind.Person or SpeakerKind.Unknown } last
                    && last.Resolution != SpeakerResolution.None && last.Speaker != possessor)
                    return new SpeakerAttribution(last.Speaker, phrase.Surface, SpeakerResolution.Role, cue, 0.5, last.Kind);
                return new SpeakerAttribution(null, phrase.Surface, SpeakerResolution.None, cue, 0.2, SpeakerKind.Unknown);
            }

    }

    internal SpeakerAttribution ResolveOrganization(SpeakerPhrase phrase, string? cue, double confidence)
    {
            {
                // A person inside the phrase is its owner ("the Clinton campaign"), not the organisation.
                if (KnownAt(phrase.Start, phrase.End) is { } known && (known.Kind != SpeakerKind.Person || known.End >= phrase.End - 1))
                    return new SpeakerAttribution(known.Canonical, phrase.Surface, SpeakerResolution.Role, cue, confidence * 0.9, known.Kind);
                if (phrase.Head == "campaign")
                    return CampaignOf(phrase) is { } campaign
                        ? new SpeakerAttribution(campaign, phrase.Surface, SpeakerResolution.Role, cue, confidence * 0.8, SpeakerKind.Organization)
                        : new SpeakerAttribution(null, phrase.Surface, SpeakerResolution.None, cue, 0.2, SpeakerKind.Organization);
                var from = MentionBefore(phrase.Start);
                for (var m = from; m >= 0 && m > from - 300; m--)
                {
                    var mention = _mentions[m];
                    if (mention.End <= phrase.Start && mention.Surface.Contains(phrase.Head, StringComparison.OrdinalIgnoreCase))
                        return new SpeakerAttribution(mention.Canonical, phrase.Surface, SpeakerResolution.Role, cue, confidence * 0.8, SpeakerKind.Organization);
                }

                // "the company said": the latest organisation named before (a firm's name rarely contains "company").
                if (phrase.Head is "company" or "firm" or "agency" or "union" or "group" or "organization" or "organisation" or "corporation" or "network" or "association")
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

    }

    internal SpeakerAttribution ResolveDocument(SpeakerPhrase phrase, string? cue, int frame)
    {
            {
                // "A Government Accountability Office report", "the Clinton ad": the issuer is named in the phrase; "the ad"
                // after "a new Clinton campaign ad": named where the document was introduced.
                if (DocumentIssuer(phrase) is { } issuer)
                    return new SpeakerAttribution(issuer, phrase.Surface, SpeakerResolution.Role, cue, 0.6, SpeakerKind.Organization);

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

    }

    internal SpeakerAttribution ResolveGroup(SpeakerPhrase phrase, string? cue, double confidence)
    {
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

    // The article's own name beats the catalog's: "Jeh Johnson" is not the catalog's Boris Johnson, "Cameron Easley"
    // is not David Cameron, and a bare "Clinton" after "Bill Clinton" is Bill.
    internal static bool PrintedNameDiffers(in SpeakerPhrase phrase, string printed, KnownActor? known)
    {
        if (known is null || known.Kind != SpeakerKind.Person)
            return false;
        // Only the first and last words count: spans, as this runs for every name the catalog also matched.
        if (!FirstAndLastWords(printed, out var printedFirst, out var printedLast) || !FirstAndLastWords(known.Canonical, out var knownFirst, out var knownLast))
            return false;
        var sameSurname = printedLast.Equals(knownLast, StringComparison.OrdinalIgnoreCase);
        if (!sameSurname)
            return !known.Canonical.Contains(printed, StringComparison.OrdinalIgnoreCase) && !printed.EndsWith(known.Canonical, StringComparison.OrdinalIgnoreCase)
                && known.End < phrase.End; // the catalog matched only a part of the printed name, not its head
        return char.ToUpperInvariant(printedFirst[0]) != char.ToUpperInvariant(knownFirst[0]);
    }

    // The first and last of the space-separated words of a name; false when it has fewer than two.
    private static bool FirstAndLastWords(string name, out ReadOnlySpan<char> first, out ReadOnlySpan<char> last)
    {
        var words = name.AsSpan().Trim(' ');
        var firstSpace = words.IndexOf(' ');
        if (firstSpace < 0)
        {
            first = last = default;
            return false;
        }

        first = words[..firstSpace];
        last = words[(words.LastIndexOf(' ') + 1)..];
        return true;
    }

    // The owner a spokesperson speaks for: capitalised words before the head ("a Pentagon spokesman") or a name after
    // "for" ("a spokeswoman for the Clinton campaign", taken by the cue sieves as the subject itself).
    internal SpeakerAttribution? SpokespersonOwner(in SpeakerPhrase phrase)
    {
        var owner = OwnerWords(phrase.Surface, phrase.Head);
        if (owner is null)
            return null;
        var at = phrase.Start + phrase.Surface.IndexOf(owner, StringComparison.Ordinal);
        if (KnownAt(at, at + owner.Length) is { } known)
            return new SpeakerAttribution(known.Canonical, phrase.Surface, SpeakerResolution.Role, null, 0.7, known.Kind);
        var name = CanonicalName(owner, owner[(owner.LastIndexOf(' ') + 1)..], at);
        return new SpeakerAttribution(name, phrase.Surface, SpeakerResolution.Role, null, 0.7, SpeakerKind.Organization);
    }

    internal static bool StartsWithDefinite(string phrase) =>
        phrase.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || phrase.StartsWith("this ", StringComparison.OrdinalIgnoreCase);

    // The capitalised words before a phrase's head, without determiners and possessive endings: "Clinton" in "the
    // Clinton campaign", "Government Accountability Office" in "A Government Accountability Office report".
    internal static string? OwnerWords(string surface, string head)
    {
        var words = surface.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var owner = words.Take(words.Length - 1)
            .Where(w => w.Length > 0 && char.IsUpper(w[0]) && !Determiners.Contains(w))
            .Select(StripPossessive)
            .ToList();
        return owner.Count == 0 || !words[^1].Equals(head, StringComparison.OrdinalIgnoreCase) ? null : string.Join(' ', owner);
    }

    // "the campaign", "his campaign": the campaign the article named last ("the Trump campaign", "Clinton's campaign").
    internal string? CampaignOf(in SpeakerPhrase phrase)
    {
        if (OwnerWords(phrase.Surface, phrase.Head) is { } owner)
            return CampaignName(owner, phrase.Start);
        for (var at = _text.LastIndexOf("campaign", Math.Max(0, phrase.Start - 1), StringComparison.Ordinal); at > 0; at = _text.LastIndexOf("campaign", at - 1, StringComparison.Ordinal))
        {
            var end = at;
            while (end > 0 && _text[end - 1] == ' ')
                end--;
            var start = end;
            while (start > 0 && (Tokenizer.IsWordChar(_text[start - 1]) || _text[start - 1] is '\'' or '’'))
                start--;
            if (start < end && char.IsUpper(_text[start]) && !InsideQuote(start))
                return CampaignName(StripPossessive(_text[start..end]), start);
            if (at == 0)
                break;
        }

        return null;
    }

    // "Clinton campaign" with the surname the article uses for the candidate.
    private string CampaignName(string owner, int offset)
    {
        var surname = owner[(owner.LastIndexOf(' ') + 1)..];
        return surname + " campaign";
    }

    // The issuer of a document: capitalised words in the phrase ("the Clinton ad"), else those before the same noun
    // where the article introduced it ("a new Clinton campaign ad … the ad says").
    internal string? DocumentIssuer(in SpeakerPhrase phrase)
    {
        if (OwnerWords(phrase.Surface, phrase.Head) is { } owner)
            return owner;
        var head = phrase.Head;
        for (var at = _text.LastIndexOf(" " + head, Math.Max(0, phrase.Start - 1), StringComparison.OrdinalIgnoreCase); at > 0 && at > phrase.Start - 3000;
             at = _text.LastIndexOf(" " + head, at - 1, StringComparison.OrdinalIgnoreCase))
        {
            var after = at + 1 + head.Length;
            if (after < _text.Length && Tokenizer.IsWordChar(_text[after]))
                continue;
            // Up to three words before the noun: "a new Clinton ad", "the RNC's latest video".
            var words = new List<string>();
            var i = at;
            for (var n = 0; n < 3 && i > 0; n++)
            {
                var end = i;
                while (end > 0 && _text[end - 1] == ' ')
                    end--;
                var start = end;
                while (start > 0 && (Tokenizer.IsWordChar(_text[start - 1]) || _text[start - 1] is '\'' or '’' or '.' or '-'))
                    start--;
                if (start == end)
                    break;
                var word = _text[start..end];
                if (Determiners.Contains(word))
                    break;
                words.Insert(0, word);
                i = start;
            }

            var named = words.Where(w => char.IsUpper(w[0])).Select(StripPossessive).ToList();
            if (InsideQuote(at))
                continue;
            if (named.Count > 0)
            {
                var name = string.Join(' ', named);
                return named.Count == 1 && words.Contains("campaign", StringComparer.OrdinalIgnoreCase) ? name + " campaign" : name;
            }

            // "Delmont Energy published a report on Monday": the subject of the sentence that introduced it.
            if (IssuerBySubject(at + 1) is { } subject)
                return subject;

            if (at == 0)
                break;
        }

        return null;
    }

    private string? IssuerBySubject(int offset)
    {
        var f = FrameAt(offset);
        if (f < 0)
            return null;
        var frame = _frames[f];
        var tokens = _tokens[frame.Paragraph];
        var k = frame.First;
        while (k < frame.End && tokens[k].Start < offset)
            k++;
        return FirstSubject(tokens, frame.First, k) is { Kind: SpeakerPhraseKind.Name or SpeakerPhraseKind.Organization } subject
               && ResolveName(subject, null, 0.6) is { Speaker: { } issuer }
            ? issuer
            : null;
    }

    // "Mr. Obama" is not the catalog's or the recognizer's Michelle Obama.
    internal bool HonorificContradicts(int start, KnownActor known) =>
        known.Kind == SpeakerKind.Person && HonorificGenderBefore(start) is { } h && GenderByName(known.Canonical) is { } g && g != h;

    private KnownActor? KnownNamed(string canonical)
    {
        foreach (var k in _known)
        {
            if (string.Equals(k.Canonical, canonical, StringComparison.Ordinal))
                return k;
        }

        return null;
    }

    // A speaker's gender: the catalog's, else from the article's mentions of that name, else the first name's.
    private Dictionary<string, string?>? _genders;

    internal string? GenderOfSpeaker(string speaker)
    {
        _genders ??= new(StringComparer.Ordinal);
        if (!_genders.TryGetValue(speaker, out var gender))
            _genders[speaker] = gender = FindGender(speaker);
        return gender;
    }

    private string? FindGender(string speaker)
    {
        foreach (var k in _known)
        {
            if (k.Gender is not null && string.Equals(k.Canonical, speaker, StringComparison.Ordinal))
                return k.Gender;
        }

        foreach (var m in _mentions)
        {
            if (m.Gender is not null && string.Equals(m.Canonical, speaker, StringComparison.Ordinal))
                return m.Gender;
        }

        return GenderOfName(speaker);
    }

    // Canonical names of the actors named before an offset, most recent last (context for unscoped role phrases).
    internal List<string> RecentActors(int offset)
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

    internal static bool IsIndefinite(string phrase)
    {
        var space = phrase.IndexOf(' ');
        var first = space > 0 ? phrase[..space] : phrase;
        return first.Equals("a", StringComparison.OrdinalIgnoreCase) || first.Equals("an", StringComparison.OrdinalIgnoreCase)
            || first.Equals("one", StringComparison.OrdinalIgnoreCase) || first.Equals("another", StringComparison.OrdinalIgnoreCase);
    }

    // The person a description names as its owner ("Obama's former campaign strategist"), or null.
    private string? OwnerInside(in SpeakerPhrase phrase)
    {
        for (var i = Math.Max(0, MentionBefore(phrase.End)); i >= 0 && i < _mentions.Count && _mentions[i].Start >= phrase.Start; i--)
        {
            if (_mentions[i].End <= phrase.End && _mentions[i].Kind == SpeakerKind.Person)
                return _mentions[i].Canonical;
        }

        return null;
    }

    internal static string StripDeterminer(string phrase)
    {
        var space = phrase.IndexOf(' ');
        return space > 0 && Determiners.Contains(phrase[..space]) ? phrase[(space + 1)..] : phrase;
    }

    // The first person named outside a prepositional phrase in this sentence (before the offset) or the three before it.
    internal NamedActor? RecentPersonSubject(int frame, string? except = null)
    {
        for (var f = frame; f >= 0 && f >= frame - 3; f--)
        {
            foreach (var m in MentionsOf(f))
            {
                if (!m.Oblique && m.Kind == SpeakerKind.Person && m.Canonical.Contains(' ') && m.Canonical != except)
                    return m;
            }
        }

        return null;
    }

    // Whether a name of unknown kind is written outside any prepositional phrase of the sentence ("McLenney said",
    // not "at a rally in Michigan to ask"): then it can be the person a pronoun refers back to.
    private bool NamedAsSubject(int f, string speaker)
    {
        foreach (var m in MentionsOf(f))
        {
            if (!m.Oblique && string.Equals(m.Canonical, speaker, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    // Whether a sentence's first word is a pronoun of this kind ("He said he plans …" before "“…,” he said").
    private bool FirstSubjectIsPronoun(int f, string head)
    {
        var frame = _frames[f];
        var tokens = _tokens[frame.Paragraph];
        var k = _firstWord[f];
        if (k >= frame.End || !tokens[k].IsWord)
            return false;
        var word = tokens[k].Text;
        return head is "he" or "she" ? word.Equals(head, StringComparison.OrdinalIgnoreCase) : word.Equals(head, StringComparison.OrdinalIgnoreCase) || (head == "they" && word.Equals("it", StringComparison.OrdinalIgnoreCase));
    }

    internal SpeakerAttribution ResolvePronoun(SpeakerPhrase phrase, string? cue, int frame, double confidence)
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
        for (var i = before; i >= 0 && i > before - 40 && _mentions[i].TokenFrame == frame; i--)
        {
            if (_mentions[i].End <= phrase.Start && Compatible(_mentions[i].Kind, _mentions[i].Gender))
                sameFrame.Add(_mentions[i]);
        }

        sameFrame.Reverse();
        NamedActor? subject = FirstOfKnownKind(sameFrame) ?? (sameFrame.Count > 0 ? sameFrame[0] : null);
        if (subject is { } first && (personal ? first.Kind == SpeakerKind.Person : true))
            return From(first);

        // 2. Salience, sentence by sentence backwards: who was quoted there, else its subject. The speaker of a quote
        // earlier in this sentence comes first; a sentence whose subject is a pronoun of the same kind ("He said he
        // plans …") continues the chain to the sentence before it.
        bool SpeakerFits(in SpeakerAttribution prev) =>
            prev.Speaker is not null && Compatible(prev.Kind, personal ? GenderOfSpeaker(prev.Speaker) : null)
            && (personal ? prev.Kind != SpeakerKind.Organization : prev.Kind != SpeakerKind.Person);

        var done = _done.Count - 1;
        for (var f = frame; f >= 0 && f >= frame - 4; f--)
        {
            while (done >= 0 && _done[done].TokenFrame > f)
                done--;
            for (var i = done; i >= 0 && _done[i].TokenFrame == f; i--)
            {
                if (SpeakerFits(_done[i].SpeakerAttribution))
                    return _done[i].SpeakerAttribution with { Mention = phrase.Surface, Resolution = SpeakerResolution.Pronoun, Cue = cue, Confidence = confidence * 0.8 };
            }

            if (f == frame)
                continue;
            if (FirstSubjectIsPronoun(f, phrase.Head))
                continue;

            // Whoever speaks in that sentence ("ambassador Vasyl Myroshnychenko said they …") comes first.
            if (_depth == 0 && CueSubject(f) is { Speaker: not null } speaker && Compatible(speaker.Kind, personal ? GenderOfSpeaker(speaker.Speaker) : null)
                && (personal ? speaker.Kind == SpeakerKind.Person || (speaker.Kind == SpeakerKind.Unknown && NamedAsSubject(f, speaker.Speaker)) : speaker.Kind != SpeakerKind.Person))
                return speaker with { Mention = phrase.Surface, Resolution = SpeakerResolution.Pronoun, Cue = cue, Confidence = confidence * 0.7 };

            // The subject of a sentence is rarely inside a prepositional phrase ("as North Carolina voters …, Budd …").
            NamedActor? pick = null;
            foreach (var m in MentionsOf(f))
            {
                if (m.Oblique || !Compatible(m.Kind, m.Gender))
                    continue;
                if (personal ? m.Kind == SpeakerKind.Person || (m.Kind == SpeakerKind.Unknown && !m.Surface.Contains(' ') && m.Canonical.Contains(' ')) : m.Kind != SpeakerKind.Unknown)
                {
                    pick = m;
                    break;
                }

                if (!personal)
                    pick ??= m;
            }

            if (pick is { } picked)
                return From(picked) with { Confidence = confidence * 0.7 };
        }

        if (subject is { } earlier && !personal)
            return From(earlier) with { Confidence = confidence * 0.6 };
        return new SpeakerAttribution(null, phrase.Surface, SpeakerResolution.None, cue, 0.2, SpeakerKind.Unknown);
    }

    private static NamedActor? FirstOfKnownKind(List<NamedActor> mentions)
    {
        foreach (var m in mentions)
        {
            if (m.Kind != SpeakerKind.Unknown)
                return m;
        }

        return null;
    }
}
