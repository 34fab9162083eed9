using System.Collections.Frozen;
using System.Text.Json;

namespace NewsLens;

/// <summary>The word lists of <see cref="PersonCues"/> a folded word belongs to.</summary>
[Flags]
internal enum WordClass : ushort
{
    None = 0,

    /// <summary>A word that introduces a name ("journalist", "author").</summary>
    Cue = 1,

    /// <summary>"journalists": a cue of three letters or more and an "s".</summary>
    PluralCue = 1 << 1,

    /// <summary>A capitalised word that continues a title before the name ("Deputy", "Foreign" in "Deputy Foreign Minister").</summary>
    TitleModifier = 1 << 2,

    /// <summary>"Mr", "Dr", "Amb": one capitalised word after it is a person.</summary>
    Honorific = 1 << 3,

    /// <summary>A word that makes a capitalised sequence an organisation or place, not a person ("Corp", "Bank", "United").</summary>
    NotInNames = 1 << 4,

    /// <summary>A word that makes the name before it a firm's ("Inc", "Co", "Cie").</summary>
    CorporateSuffix = 1 << 5,

    /// <summary>A given name (first-names.json).</summary>
    FirstName = 1 << 6,

    /// <summary>A given name that is also an everyday word ("will", "grant", "hope"): it needs the article's support.</summary>
    CommonWordName = 1 << 7,

    /// <summary>A word that reports speech or writing after a name ("said", "told", "wrote").</summary>
    SpeechVerb = 1 << 8,

    /// <summary>A word that opens or forms place names ("San", "Los", "Port"): never a given name.</summary>
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
        FirstNames = firstNames;
        firmRoleLookup = firmRoles.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        honorificLookup = honorifics.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        genderedLookup = gendered.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        firstNameLookup = firstNames.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

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
        classLookup = new HashedWords<WordClass>(classes);
        var lower = classes.Where(c => (c.Value & LowerCaseClasses) != 0).ToDictionary(c => c.Key, c => c.Value & LowerCaseClasses, StringComparer.Ordinal);
        lowerClassLookup = new HashedWords<WordClass>(lower);
        lowerClassFilter = new WordFilter(lower.Keys);
    }

    // The classes that matter for a word written in lower case ("journalist", "said", the "del" of "Mar del Plata");
    // given names, honorifics and corporate suffixes are capitalised. Most words of a text are lower case, and this
    // table is a fraction of the full one.
    private const WordClass LowerCaseClasses =
        WordClass.Cue | WordClass.PluralCue | WordClass.TitleModifier | WordClass.SpeechVerb | WordClass.NotInNames | WordClass.PlaceWord;

    private readonly HashedWords<WordClass> classLookup;
    private readonly HashedWords<WordClass> lowerClassLookup;
    private readonly WordFilter lowerClassFilter; // most lower-case words are in no list: turned away before hashing

    // The lists that carry a value (a gender, the words before a firm's role), as span look-ups made once.
    private readonly FrozenDictionary<string, Gender>.AlternateLookup<ReadOnlySpan<char>> honorificLookup;
    private readonly FrozenDictionary<string, Gender>.AlternateLookup<ReadOnlySpan<char>> genderedLookup;
    private readonly FrozenDictionary<string, Gender>.AlternateLookup<ReadOnlySpan<char>> firstNameLookup;
    private readonly FrozenDictionary<string, HashSet<string>>.AlternateLookup<ReadOnlySpan<char>> firmRoleLookup;

    public static PersonCues Default => DefaultCues.Value;

    /// <summary>Folded given name → gender, from first-names.json ("ludovic" → male).</summary>
    public Dictionary<string, Gender> FirstNames { get; }

    /// <summary>
    /// Every list the folded word is in, with one look-up (discovery asks several questions of each word of an article);
    /// for a word written in lower case, only the lists of <see cref="LowerCaseClasses"/>.
    /// </summary>
    public WordClass ClassOf(ReadOnlySpan<char> word, bool capitalised) =>
        capitalised ? ClassOfCapitalised(WordHash.Of(word))
        : lowerClassFilter.MayContain(word) && lowerClassLookup.TryGetValue(word, out var @class) ? @class : WordClass.None;

    /// <summary>The classes of a capitalised word, by its <see cref="WordHash"/> (for a caller that has the hash already).</summary>
    public WordClass ClassOfCapitalised(ulong hash) => classLookup.TryGetValue(hash, out var @class) ? @class : WordClass.None;

    public bool TryGetHonorific(ReadOnlySpan<char> word, out Gender gender) => honorificLookup.TryGetValue(word, out gender);

    public bool IsFirstName(ReadOnlySpan<char> word) => firstNameLookup.ContainsKey(word);

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
