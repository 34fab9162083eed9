using System.Collections.Frozen;
using System.Text.Json;

namespace NewsLens;

/// <summary>The word lists of <see cref="PersonCues"/> a folded word belongs to.</summary>
[Flags]
internal enum WordClass : ushort
{
    None = 0,
    Cue = 1,
    PluralCue = 1 << 1, // "journalists": a cue of three letters or more and an "s"
    TitleModifier = 1 << 2,
    Honorific = 1 << 3,
    NotInNames = 1 << 4,
    CorporateSuffix = 1 << 5,
    FirstName = 1 << 6,
    CommonWordName = 1 << 7,
    SpeechVerb = 1 << 8,
    PlaceWord = 1 << 9,
    TitleWord = Cue | TitleModifier,
}

/// <summary>Words that introduce a person's name (titles, occupations, honorifics), from person-cues.json.</summary>
internal sealed class PersonCues
{
    private static readonly Lazy<PersonCues> DefaultCues = new(LoadDefault);

    private PersonCues(
        HashSet<string> cues, HashSet<string> modifiers, HashSet<string> notInNames, Dictionary<string, Gender> honorifics,
        Dictionary<string, Gender> gendered, Dictionary<string, Gender> firstNames, HashSet<string> commonWordNames, HashSet<string> speechVerbs, HashSet<string> placeWords, HashSet<string> corporateSuffixes,
        Dictionary<string, HashSet<string>> firmRoles)
    {
        CorporateSuffixes = corporateSuffixes;
        corporateSuffixLookup = corporateSuffixes.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        firmRoleLookup = firmRoles.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        FirstNames = firstNames;
        Cues = cues;
        TitleModifiers = modifiers;
        NotInNames = notInNames;
        Honorifics = honorifics;
        Gendered = gendered;
        cueLookup = cues.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        modifierLookup = modifiers.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        honorificLookup = honorifics.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        notInNamesLookup = notInNames.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        genderedLookup = gendered.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        firstNameLookup = firstNames.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        commonWordNameLookup = commonWordNames.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        speechVerbLookup = speechVerbs.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        placeWordLookup = placeWords.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        var classes = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        void Mark(IEnumerable<string> words, WordClass @class)
        {
            foreach (var word in words)
                classes[word] = classes.GetValueOrDefault(word) | @class;
        }

        Mark(cues, WordClass.Cue);
        Mark(cues.Where(c => c.Length >= 3).Select(c => c + "s"), WordClass.PluralCue);
        Mark(modifiers, WordClass.TitleModifier);
        Mark(honorifics.Keys, WordClass.Honorific);
        Mark(notInNames, WordClass.NotInNames);
        Mark(corporateSuffixes, WordClass.CorporateSuffix);
        Mark(firstNames.Keys, WordClass.FirstName);
        Mark(commonWordNames, WordClass.CommonWordName);
        Mark(speechVerbs, WordClass.SpeechVerb);
        Mark(placeWords, WordClass.PlaceWord);
        classLookup = classes.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var lower = classes.Where(c => (c.Value & LowerCaseClasses) != 0).ToFrozenDictionary(c => c.Key, c => c.Value & LowerCaseClasses, StringComparer.Ordinal);
        lowerClassLookup = lower.GetAlternateLookup<ReadOnlySpan<char>>();
        classFilter = new WordFilter(classes.Keys);
        lowerClassFilter = new WordFilter(lower.Keys);
    }

    // The classes that matter for a word written in lower case ("journalist", "said", the "del" of "Mar del Plata");
    // given names, honorifics and corporate suffixes are capitalised. Most words of a text are lower case, and this table is a fraction of the full one.
    private const WordClass LowerCaseClasses =
        WordClass.Cue | WordClass.PluralCue | WordClass.TitleModifier | WordClass.SpeechVerb | WordClass.NotInNames | WordClass.PlaceWord;

    private readonly FrozenDictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> classLookup;
    private readonly FrozenDictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> lowerClassLookup;
    private readonly WordFilter classFilter;
    private readonly WordFilter lowerClassFilter;

    /// <summary>
    /// Every list the folded word is in, with one look-up (discovery asks several questions of each word of an article);
    /// for a word written in lower case, only the lists of <see cref="LowerCaseClasses"/>.
    /// </summary>
    public WordClass ClassOf(ReadOnlySpan<char> word, bool capitalised) =>
        (capitalised ? classFilter : lowerClassFilter).MayContain(word)
        && (capitalised ? classLookup : lowerClassLookup).TryGetValue(word, out var @class) ? @class : WordClass.None;

    // Frozen span look-ups, made once: checking a token of the folded text then needs no substring, and most words,
    // which are none of these, are turned away by their length or a few characters' hash.
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> cueLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> modifierLookup;
    private readonly FrozenDictionary<string, Gender>.AlternateLookup<ReadOnlySpan<char>> honorificLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> notInNamesLookup;
    private readonly FrozenDictionary<string, Gender>.AlternateLookup<ReadOnlySpan<char>> genderedLookup;
    private readonly FrozenDictionary<string, Gender>.AlternateLookup<ReadOnlySpan<char>> firstNameLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> commonWordNameLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> speechVerbLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> placeWordLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> corporateSuffixLookup;
    private readonly FrozenDictionary<string, HashSet<string>>.AlternateLookup<ReadOnlySpan<char>> firmRoleLookup;

    public static PersonCues Default => DefaultCues.Value;

    /// <summary>Folded cue words ("journalist", "author").</summary>
    public HashSet<string> Cues { get; }

    /// <summary>Capitalised words that continue a title before the name ("Deputy", "Foreign" in "Deputy Foreign Minister").</summary>
    public HashSet<string> TitleModifiers { get; }

    /// <summary>Words that make a capitalised sequence an organisation or place, not a person ("Corp", "Bank", "United").</summary>
    public HashSet<string> NotInNames { get; }

    /// <summary>Words that make the name before them a firm's ("Inc", "Co", "Cie").</summary>
    public HashSet<string> CorporateSuffixes { get; }

    /// <summary>Folded honorific → gender ("mr" → male).</summary>
    public Dictionary<string, Gender> Honorifics { get; }

    /// <summary>Folded given name → gender, from first-names.json ("ludovic" → male).</summary>
    public Dictionary<string, Gender> FirstNames { get; }

    /// <summary>Folded cue → the gender it implies ("businesswoman" → female).</summary>
    public Dictionary<string, Gender> Gendered { get; }

    public bool IsCue(ReadOnlySpan<char> word) => cueLookup.Contains(word);

    public bool IsTitleModifier(ReadOnlySpan<char> word) => modifierLookup.Contains(word);

    public bool TryGetHonorific(ReadOnlySpan<char> word, out Gender gender) => honorificLookup.TryGetValue(word, out gender);

    public bool IsNotInNames(ReadOnlySpan<char> word) => notInNamesLookup.Contains(word);

    public bool IsCorporateSuffix(ReadOnlySpan<char> word) => corporateSuffixLookup.Contains(word);

    public bool IsFirstName(ReadOnlySpan<char> word) => firstNameLookup.ContainsKey(word);

    /// <summary>Whether the word opens or forms place names ("San", "Los", "Port"): never a given name.</summary>
    public bool IsPlaceWord(ReadOnlySpan<char> word) => placeWordLookup.Contains(word);

    /// <summary>Whether the word reports speech or writing after a name ("said", "told", "wrote").</summary>
    public bool IsSpeechVerb(ReadOnlySpan<char> word) => speechVerbLookup.Contains(word);

    /// <summary>Whether a given name is also an everyday word ("will", "grant", "hope"): it needs the article's support.</summary>
    public bool IsCommonWordName(ReadOnlySpan<char> word) => commonWordNameLookup.Contains(word);

    /// <summary>Whether the cue, preceded by this word, names a firm's role ("lead" + "manager").</summary>
    public bool IsFirmRole(ReadOnlySpan<char> previous, ReadOnlySpan<char> cue) =>
        firmRoleLookup.TryGetValue(cue, out var before) && before.GetAlternateLookup<ReadOnlySpan<char>>().Contains(previous);

    /// <summary>The gender a cue implies, or <see cref="Gender.Unknown"/>.</summary>
    public Gender GenderOfCue(ReadOnlySpan<char> word) => genderedLookup.TryGetValue(word, out var gender) ? gender : Gender.Unknown;

    /// <summary>The gender of a given name, or <see cref="Gender.Unknown"/>.</summary>
    public Gender GenderOfFirstName(ReadOnlySpan<char> word) => firstNameLookup.TryGetValue(word, out var gender) ? gender : Gender.Unknown;

    private static PersonCues LoadDefault()
    {
        const string resource = "NewsLens.Actors.person-cues.json";
        using var stream = typeof(PersonCues).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        // A cue is checked on the one word before a name: "co-author" counts by its last word.
        var cues = root.GetProperty("cues").EnumerateArray().Select(e => ActorText.Key(e.GetString()!).Split(' ')[^1]).ToHashSet(StringComparer.Ordinal);
        var modifiers = Words(root.GetProperty("title_modifiers"));
        var notInNames = Words(root.GetProperty("not_in_names"));
        var honorifics = root.GetProperty("honorifics").EnumerateObject()
            .ToDictionary(p => ActorText.Key(p.Name), p => ParseGender(p.Value.GetString()), StringComparer.Ordinal);
        // Every title abbreviation of the shared list ("Amb.", "Supt.") introduces a name; the file adds the gender where known.
        foreach (var title in Abbreviations.NameTitles)
            honorifics.TryAdd(title, Gender.Unknown);
        var gendered = new Dictionary<string, Gender>(StringComparer.Ordinal);
        foreach (var e in root.GetProperty("female").EnumerateArray())
            gendered[ActorText.Key(e.GetString()!)] = Gender.Female;
        foreach (var e in root.GetProperty("male").EnumerateArray())
            gendered[ActorText.Key(e.GetString()!)] = Gender.Male;
        var corporateSuffixes = Words(root.GetProperty("corporate_suffixes"));
        // Only the cue and the word before it are checked: "co-lead manager" counts as "lead manager".
        var firmRoles = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var e in root.GetProperty("firm_roles").EnumerateArray())
        {
            var words = ActorText.FoldedWords(e.GetString()!).Where(w => char.IsLetterOrDigit(w[0])).ToArray();
            if (words.Length < 2)
                throw new InvalidDataException($"person-cues.json: firm role '{e.GetString()}' needs a word before its cue");
            if (!firmRoles.TryGetValue(words[^1], out var before))
                firmRoles[words[^1]] = before = new HashSet<string>(StringComparer.Ordinal);
            before.Add(words[^2]);
        }

        var (firstNames, commonWords) = LoadFirstNames();
        var speechVerbs = Words(root.GetProperty("speech_verbs"));
        var placeWords = Words(root.GetProperty("place_words"));
        return new PersonCues(cues, modifiers, notInNames, honorifics, gendered, firstNames, commonWords, speechVerbs, placeWords, corporateSuffixes, firmRoles);

        static HashSet<string> Words(JsonElement list) => list.EnumerateArray().Select(e => ActorText.Key(e.GetString()!)).ToHashSet(StringComparer.Ordinal);
    }

    private static (Dictionary<string, Gender> Names, HashSet<string> CommonWords) LoadFirstNames()
    {
        const string resource = "NewsLens.Actors.first-names.json";
        using var stream = typeof(PersonCues).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var doc = JsonDocument.Parse(stream);
        var names = new Dictionary<string, Gender>(StringComparer.Ordinal);
        foreach (var (list, gender) in new[] { ("either", Gender.Unknown), ("male", Gender.Male), ("female", Gender.Female) })
        {
            foreach (var e in doc.RootElement.GetProperty(list).EnumerateArray())
                names[ActorText.Key(e.GetString()!)] = gender;
        }

        var common = doc.RootElement.GetProperty("common_words").EnumerateArray().Select(e => ActorText.Key(e.GetString()!)).ToHashSet(StringComparer.Ordinal);
        return (names, common);
    }

    private static Gender ParseGender(string? value) => value switch
    {
        "male" => Gender.Male,
        "female" => Gender.Female,
        _ => Gender.Unknown,
    };
}
