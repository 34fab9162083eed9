namespace NewsLens;

/// <summary>
/// One person, one name across a corpus: people found outside the catalog whose names are spelling or
/// transliteration variants of one another ("Mykhailo Podolyak" / "Mikhail Podoliak", "Alexey" / "Aleksey Reznikov",
/// "Rafael Grossi" / "Rafael Mariano Grossi") are given one name.
/// </summary>
/// <remarks>
/// Two names are variants when their surnames spell alike (<see cref="ActorRecognizer.Skeleton"/>: ks/x, kh/h, y/i,
/// doubled letters...), their given names do too or one starts the other (four letters at least), the genders of the
/// given names do not conflict, and any middle names of one are among the other's. Names are taken in order of mentions
/// (most first, then longer, then ordinal), and each joins the first group whose every name it is a variant of, so
/// "Alex Smith" never bridges "Alexander" and "Alexandra Smith". The group's name is a catalog person's when one belongs
/// to it, else its most mentioned form. The result does not depend on the order of articles.
/// </remarks>
public static class PersonVariants
{
    /// <summary>The mentions with every discovered person's name replaced by its group's name.</summary>
    public static IReadOnlyList<Mention> MergeVariants(this IReadOnlyList<Mention> mentions, ActorCatalog? catalog = null)
    {
        var map = Map(mentions, catalog ?? ActorCatalog.Default);
        if (map.Count == 0)
            return mentions;
        var merged = new Mention[mentions.Count];
        for (var i = 0; i < merged.Length; i++)
        {
            var m = mentions[i];
            merged[i] = m.Kind == ActorKind.Person && map.TryGetValue(m.Actor, out var name) ? m with { Actor = name } : m;
        }

        return merged;
    }

    /// <summary>Each person name that is a variant → the name of its group (names that stay as they are are left out).</summary>
    public static IReadOnlyDictionary<string, string> Map(IEnumerable<Mention> mentions, ActorCatalog? catalog = null)
    {
        catalog ??= ActorCatalog.Default;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.Kind == ActorKind.Person && m.Actor.Contains(' '))
                counts[m.Actor] = counts.GetValueOrDefault(m.Actor) + 1;
        }

        var order = counts.Keys
            .Select(n => (Name: n, Words: ActorText.FoldedWords(n).Where(w => char.IsLetter(w[0])).ToArray(), Catalog: catalog.Find(n)?.Kind == ActorKind.Person))
            .Where(n => n.Words.Length >= 2)
            .OrderByDescending(n => n.Catalog).ThenByDescending(n => counts[n.Name]).ThenByDescending(n => n.Name.Length).ThenBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
        // Groups by the surname's skeleton: only names in one bucket can be variants.
        var groups = new Dictionary<string, List<List<(string Name, string[] Words, bool Catalog)>>>(StringComparer.Ordinal);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var person in order)
        {
            var key = ActorRecognizer.Skeleton(person.Words[^1]);
            if (!groups.TryGetValue(key, out var bucket))
                groups[key] = bucket = [];
            var group = bucket.FirstOrDefault(g => g.All(member => AreVariants(member.Words, person.Words) && !(member.Catalog && person.Catalog)));
            if (group is null)
            {
                bucket.Add([person]);
                continue;
            }

            group.Add(person);
            map[person.Name] = group[0].Name;
        }

        return map;
    }

    /// <summary>Whether two person names (folded words) can be one person's.</summary>
    internal static bool AreVariants(string[] a, string[] b)
    {
        if (!ActorRecognizer.SameSurname(a[^1], b[^1]) || !ActorRecognizer.SameGivenName(a[0], b[0]))
            return false;
        var (ga, gb) = (PersonCues.Default.GenderOfFirstName(a[0]), PersonCues.Default.GenderOfFirstName(b[0]));
        if (ga != Gender.Unknown && gb != Gender.Unknown && ga != gb)
            return false;
        // Middle names: those of the shorter name must be among the longer's ("Rafael Grossi" in "Rafael Mariano Grossi").
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        for (var k = 1; k < shorter.Length - 1; k++)
        {
            if (!longer[1..^1].Any(w => w == shorter[k] || ActorRecognizer.Skeleton(w) == ActorRecognizer.Skeleton(shorter[k])))
                return false;
        }

        return true;
    }
}
