using System.Collections.Frozen;

namespace NewsLens;

/// <summary>The phrase that names a speaker: subject before a cue, phrase after it, clause subject, noun phrases.</summary>
internal sealed partial class QuoteAttributor
{
    // Prepositions whose object is never the subject of the clause around it.
    internal static readonly FrozenSet<string> PlacePrepositions = new[] { "to", "on", "in", "at", "into", "onto", "from", "across" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The phrase that is the subject of a verb at <paramref name="at"/>, scanning left over auxiliaries and adverbs.</summary>
    internal SpeakerPhrase? SubjectBefore(List<SpanToken> tokens, int start, int at)
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

            // "Rep. Gwen Moore (D-Wis.) said": a parenthesis after the subject is skipped whole.
            if (t.Kind == SpanTokenKind.Punct && t.Text == ")")
            {
                var open = j - 1;
                while (open >= start && open > j - 8 && tokens[open].Text != "(")
                    open--;
                j = open >= start && tokens[open].Text == "(" ? open - 1 : j - 1;
                continue;
            }

            if (t.Kind == SpanTokenKind.Punct && t.Text == "(")
            {
                j--;
                continue;
            }

            break;
        }

        if (j < start)
            return null;
        var head = tokens[j];
        if (head.Text == ",")
            return AppositiveSubject(tokens, start, j);
        if (head.IsWord && Pronouns.Contains(head.Text))
            return new SpeakerPhrase(SpeakerPhraseKind.Pronoun, 0, j, j, head.Start, head.End, head.Text, head.Text.ToLowerInvariant());
        if (IsNameWord(head))
        {
            // "Trump took to Twitter overnight to accuse …": a name inside a prepositional phrase is not the subject;
            // the subject of the verb before the phrase is, when there is one.
            var first = ExtendLeft(tokens, j, start);
            if (first - 1 > start && tokens[first - 1].IsWord && PlacePrepositions.Contains(tokens[first - 1].Text)
                && SubjectBefore(tokens, start, first - 1) is { Kind: SpeakerPhraseKind.Name or SpeakerPhraseKind.Pronoun } outer)
                return outer;
            return NamePhrase(tokens, first, j);
        }

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

    // "Ukraine's president, Volodymyr Zelenskiy, acknowledged", "Olga Pidsosonna, a volunteer at the port, described":
    // the name inside or before a comma-delimited appositive.
    internal SpeakerPhrase? AppositiveSubject(List<SpanToken> tokens, int start, int comma)
    {
        if (LeadingNameBeforeAppositions(tokens, start, comma) is { } lead)
            return lead;
        for (var c = comma - 1; c >= start - 1 && c >= comma - 40; c--)
        {
            // No earlier comma: "Kharkov Mayor Igor Terekhov, said" (a stray comma after the subject).
            if (c < start)
                return comma - 1 >= start && IsNameWord(tokens[comma - 1]) ? NamePhrase(tokens, ExtendLeft(tokens, comma - 1, start), comma - 1) : null;

            var t = tokens[c];
            if (t.Kind == SpanTokenKind.Span)
                return null;
            if (t.Text != ",")
                continue;
            // "House Speaker Paul Ryan, R-Wis., said", "Mr. King, 82, said": a party tag or an age is not the subject.
            if (c + 1 < comma && IsNameWord(tokens[c + 1]) && ExtendRight(tokens, c + 1, comma) == comma - 1 && !IsPartyTag(tokens[c + 1].Text))
                return NamePhrase(tokens, c + 1, comma - 1);
            if (c - 1 >= start && IsNameWord(tokens[c - 1]))
                return NamePhrase(tokens, ExtendLeft(tokens, c - 1, start), c - 1);
            return null;
        }

        return null;
    }

    // "Michael Mulgrew, president of the United Federation of Teachers, which represents …, said", "Dianne Feinstein,
    // Democrat of California, said", "Johnnie Wilson,
    // of Springfield, Va., said", "Donna Rawlings, 59, of Ashton, Md., who watched …, said": a name opening the clause
    // and followed by a comma and an apposition (a title or description, an age, "of" a place, a relative clause) is
    // the subject, whatever names the appositions hold.
    internal SpeakerPhrase? LeadingNameBeforeAppositions(List<SpanToken> tokens, int start, int comma)
    {
        var lead = start;
        if (lead < comma && tokens[lead].IsWord && tokens[lead].Text is "As" or "But" or "And" or "Still" or "Meanwhile")
            lead++;
        if (lead >= comma || !IsNameWord(tokens[lead]))
            return null;
        var last = ExtendRight(tokens, lead, comma);
        if (last + 2 >= comma || tokens[last + 1].Text != "," || EndsWithPossessive(tokens[last].Text))
            return null;
        var next = tokens[last + 2];
        var apposition = next.IsWord && (HasDigit(next.Text) || next.Text is "of" or "who" or "a" or "an" or "the"
            || (next.IsLower && (Words.RoleNouns.Contains(next.Text) || Words.Titles.Contains(next.Text)))
            || (IsTitle(next.Text) && last + 3 < comma && tokens[last + 3].Text == "of") // "Democrat of California", "Speaker of the House"
            || EndsWithPossessive(next.Text));
        if (!apposition)
            return null;
        var phrase = NamePhrase(tokens, lead, last);
        return phrase.Kind == SpeakerPhraseKind.Name && phrase.Surface.Contains(' ') ? phrase : null;
    }

    /// <summary>The phrase right after a cue: a name, a pronoun ("said he"), or a determiner phrase ("said the ministry").</summary>
    internal SpeakerPhrase? PhraseAfter(List<SpanToken> tokens, int k, int end)
    {
        if (k >= end)
            return null;
        var t = tokens[k];
        if (t.IsWord && Pronouns.Contains(t.Text))
            return new SpeakerPhrase(SpeakerPhraseKind.Pronoun, 0, k, k, t.Start, t.End, t.Text, t.Text.ToLowerInvariant());
        if (t.IsWord && Particles.Contains(t.Text) && k + 1 < end && tokens[k + 1].IsCapitalized)
            return NamePhrase(tokens, k, ExtendRight(tokens, k + 1, end));
        if (t.IsWord && t.Text is "one" or "another" or "some" or "several" or "many" or "two" or "three")
            return null; // "said one Democratic source on the panel": deliberately unnamed

        // "says poultry farmer James Mottershead", "said 9/11 widow Terry Strada": a few descriptive words, then the name.
        if ((t.IsLower || (t.IsWord && char.IsDigit(t.Text[0]))) && !Determiners.Contains(t.Text) && !Prepositions.Contains(t.Text) && !Skippable.Contains(t.Text))
        {
            var j = k;
            while (j < end && j < k + 3 && (tokens[j].IsLower || (tokens[j].IsWord && char.IsDigit(tokens[j].Text[0]))) && !Prepositions.Contains(tokens[j].Text) && !Determiners.Contains(tokens[j].Text))
                j++;
            if (j < end && j > k && IsNameWord(tokens[j]))
                return NamePhrase(tokens, j, ExtendRight(tokens, j, end));
        }
        if (IsNameWord(t))
        {
            // "said Del. Stacey Plaskett": an abbreviation whose period the sentence went on after is a title.
            if (k + 2 < end && tokens[k + 1].Text == "." && tokens[k + 1].Start == t.End && Abbreviations.Contains(t.Text) && IsNameWord(tokens[k + 2]))
                return NamePhrase(tokens, k + 2, ExtendRight(tokens, k + 2, end));
            var last = ExtendRight(tokens, k, end);
            // "said Russian Foreign Ministry spokeswoman Maria Zakharova": a role phrase then the name.
            var j = last + 1;
            while (j < end && j <= last + 3 && IsDescriptiveWord(tokens[j]))
                j++;
            if (j > last + 1 && j < end && IsNameWord(tokens[j]))
                return NamePhrase(tokens, j, ExtendRight(tokens, j, end));
            return NamePhrase(tokens, k, last);
        }

        if (t.IsWord && Determiners.Contains(t.Text))
        {
            // "said the Rev. Peter Wherry": a titled name after the article.
            if (k + 1 < end && IsNameWord(tokens[k + 1]))
            {
                var last = ExtendRight(tokens, k + 1, end);
                var trimmed = TrimTitles(tokens, k + 1, last);
                if (trimmed > k + 1 && trimmed <= last)
                    return NamePhrase(tokens, k + 1, last);
            }

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
                    // "said a spokeswoman for Delmont Energy": the spokesperson speaks for what follows "for".
                    if (noun.Head is "spokesman" or "spokeswoman" or "spokesperson" && j + 2 < end && tokens[j + 1].Is("for")
                        && PhraseAfter(tokens, j + 2, end) is { Kind: not SpeakerPhraseKind.Pronoun } owner)
                        return owner;

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
    internal SpeakerPhrase? NounPhrase(List<SpanToken> tokens, int start, int headAt)
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
        else if (headWord.EndsWith('s') && (Words.RoleNounWords.Contains(headWord.AsSpan(0, headWord.Length - 1)) || Words.OrganizationNounWords.Contains(headWord.AsSpan(0, headWord.Length - 1))
                     || MemberNouns.Contains(headWord) || headWord.EndsWith("ies", StringComparison.Ordinal) || Words.RoleNounWords.Contains(headWord.AsSpan().TrimEnd('s'))))
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
        if (kind == SpeakerPhraseKind.Group && !AnyCapitalized(tokens, first, headAt))
            return null;
        return new SpeakerPhrase(kind, 0, first, headAt, tokens[first].Start, head.End, _text[tokens[first].Start..head.End], headWord);
    }

    // A loop, not a lambda over the tokens: NounPhrase runs for most lower-case words and would allocate its closure on each call.
    internal static bool AnyCapitalized(List<SpanToken> tokens, int first, int end)
    {
        for (var j = first; j < end; j++)
        {
            if (tokens[j].IsCapitalized)
                return true;
        }

        return false;
    }

    internal SpeakerPhrase NamePhrase(List<SpanToken> tokens, int first, int last)
    {
        var trimmed = TrimName(tokens, first, last);
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
        return new SpeakerPhrase(kind, 0, first, last, kind == SpeakerPhraseKind.Name ? start : fullStart, end, NameText(tokens, kind == SpeakerPhraseKind.Name ? trimmed : first, last),
            StripPossessive(tokens[last].Text).ToLowerInvariant());
    }

    /// <summary>The subject of a clause: the first name, pronoun or role phrase that is not inside a prepositional phrase.</summary>
    internal SpeakerPhrase? FirstSubject(List<SpanToken> tokens, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            var t = tokens[k];
            if (!t.IsWord)
                continue;
            var afterPreposition = k > start && tokens[k - 1].IsWord && (Prepositions.Contains(tokens[k - 1].Text) || Determiners.Contains(tokens[k - 1].Text) && k - 2 >= start && Prepositions.Contains(tokens[k - 2].Text));
            if (Pronouns.Contains(t.Text))
                return new SpeakerPhrase(SpeakerPhraseKind.Pronoun, 0, k, k, t.Start, t.End, t.Text, t.Text.ToLowerInvariant());
            if (IsNameWord(t))
            {
                var last = ExtendRight(tokens, k, end);
                if (!afterPreposition && !(last == k && LooksLikeVerbOrAdverb(t.Text) && k == start))
                {
                    // "Kremlin spokesman Dmitry Peskov": skip the role words to the name.
                    var j = last + 1;
                    while (j < end && j <= last + 3 && IsDescriptiveWord(tokens[j]))
                        j++;
                    if (j > last + 1 && j < end && IsNameWord(tokens[j]))
                        return NamePhrase(tokens, j, ExtendRight(tokens, j, end));
                    // "Russian officials", "NATO countries": the name starts a group; "Oren Falk compared the governor" is no group.
                    if (last + 1 < end && tokens[last + 1].IsLower && NounPhraseForward(tokens, k, end) is { } group && group.First == k)
                        return group;
                    return NamePhrase(tokens, k, last);
                }

                k = last;
                continue;
            }

            if (t.IsWord && Determiners.Contains(t.Text) && !afterPreposition && !(k > start && tokens[k - 1].IsWord && !Determiners.Contains(tokens[k - 1].Text) && tokens[k - 1].IsLower))
            {
                if (NounPhraseForward(tokens, k, end) is { } noun)
                    return noun;
            }
        }

        return null;
    }

    internal SpeakerPhrase? GroupAfter(List<SpanToken> tokens, int first, int last, int end)
    {
        for (var j = last + 1; j < end && j <= last + 3 && tokens[j].IsLower; j++)
        {
            // Only a plural heads a group (a word ending in "s"): most words need no noun phrase built to say no.
            if (char.ToLowerInvariant(tokens[j].Text[^1]) != 's')
                continue;
            if (NounPhrase(tokens, first, j) is { Kind: SpeakerPhraseKind.Group } group && (j + 1 >= end || !tokens[j + 1].IsLower || !IsNounish(tokens[j + 1].Text)))
                return group with { First = first, Start = tokens[first].Start, Surface = _text[tokens[first].Start..tokens[j].End] };
        }

        return null;
    }

    internal SpeakerPhrase? NounPhraseForward(List<SpanToken> tokens, int k, int end)
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

    // "MSNBC host Chris Matthews", "Oscars communications director John Pavlik": lower-case words between an
    // organisation and a name describe the person; function words and verbs do not.
    internal bool IsDescriptiveWord(SpanToken t) =>
        t.IsLower && (Words.RoleNouns.Contains(t.Text) || Words.Titles.Contains(t.Text)
            || (!Prepositions.Contains(t.Text) && !Determiners.Contains(t.Text) && !Skippable.Contains(t.Text) && !_options.Cues.StartsCue(t.Text)
                && t.Text is not ("and" or "or" or "but" or "who" or "which" or "that" or "said" or "says")
                && !t.Text.EndsWith("ed", StringComparison.Ordinal) && !t.Text.EndsWith("ly", StringComparison.Ordinal)));

    // R-Wis., D-Md., (R), I-Vt.: the party and state tag American papers print after a legislator's name.
    internal static bool IsPartyTag(string word) =>
        word.Length is >= 1 and <= 16 && word[0] is 'R' or 'D' or 'I' && (word.Length == 1 || word[1] == '-');

    internal bool IsNounish(string word) =>
        Words.RoleNouns.Contains(word) || Words.OrganizationNouns.Contains(word) || Words.DocumentNouns.Contains(word) || MemberNouns.Contains(word);
}
