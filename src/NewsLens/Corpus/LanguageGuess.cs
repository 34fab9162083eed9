using System.Reflection;

namespace NewsLens;

/// <summary>
/// The language of a text as an ISO 639-1 code: by script where a script belongs to one language (kana → ja, Hangul
/// → ko, Thai, Greek, Hebrew, Georgian...), else by which language's frequent words the text uses most (profiles in
/// <c>Data/languages.txt</c>). Reads at most the first 2,000 characters; null when the text is too short to tell.
/// </summary>
/// <remarks>
/// A statistical detector (Lingua, served as SearchPioneer.Lingua) was measured first: a 143 MB package, 12 s to load
/// its models on the first call and about 30 ms a text after, which would more than double the time to load a folder
/// of pages. Frequent-word profiles tell the languages of news text apart from a few sentences, in microseconds.
/// </remarks>
internal static class LanguageGuess
{
    private const int Sample = 2000;
    private static readonly Lazy<(string Code, HashSet<string> Words)[]> Profiles = new(Load);

    public static string? Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var sample = text.AsSpan(0, Math.Min(text.Length, Sample));
        if (ByScript(sample) is { } byScript)
            return byScript;
        return ByWords(sample);
    }

    private static string? ByScript(ReadOnlySpan<char> text)
    {
        int letters = 0, kana = 0, han = 0, hangul = 0;
        var other = new Dictionary<string, int>();
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
                continue;
            letters++;
            string? code = null;
            switch (c)
            {
                case >= '\u3040' and <= '\u30FF': kana++; continue;
                case >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF': han++; continue;
                case >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF': hangul++; continue;
                case >= '\u0370' and <= '\u03FF': code = "el"; break;
                case >= '\u0590' and <= '\u05FF': code = "he"; break;
                case >= '\u0E00' and <= '\u0E7F': code = "th"; break;
                case >= '\u0E80' and <= '\u0EFF': code = "lo"; break;
                case >= '\u1780' and <= '\u17FF': code = "km"; break;
                case >= '\u1000' and <= '\u109F': code = "my"; break;
                case >= '\u10A0' and <= '\u10FF': code = "ka"; break;
                case >= '\u0530' and <= '\u058F': code = "hy"; break;
                case >= '\u0900' and <= '\u097F': code = "hi"; break;
                case >= '\u0980' and <= '\u09FF': code = "bn"; break;
                case >= '\u0B80' and <= '\u0BFF': code = "ta"; break;
                case >= '\u0C00' and <= '\u0C7F': code = "te"; break;
                case >= '\u0A80' and <= '\u0AFF': code = "gu"; break;
                case >= '\u0A00' and <= '\u0A7F': code = "pa"; break;
                case >= '\u0D00' and <= '\u0D7F': code = "ml"; break;
                case >= '\u0C80' and <= '\u0CFF': code = "kn"; break;
                case >= '\u1200' and <= '\u137F': code = "am"; break;
            }

            if (code is not null)
                other[code] = other.GetValueOrDefault(code) + 1;
        }

        if (letters < 10)
            return null;
        if (kana * 20 > letters)
            return "ja";
        if (hangul * 4 > letters)
            return "ko";
        if (han * 4 > letters)
            return "zh";
        foreach (var (code, count) in other)
        {
            if (count * 2 > letters)
                return code;
        }

        return null;
    }

    private static string? ByWords(ReadOnlySpan<char> text)
    {
        var profiles = Profiles.Value;
        Span<int> hits = stackalloc int[profiles.Length];
        var words = 0;
        Span<char> lower = stackalloc char[32];
        foreach (var range in text.Split(' '))
        {
            var word = text[range].Trim(".,;:!?\"'«»“”„()[]—–-\n\t");
            if (word.IsEmpty)
                continue;
            words++;
            var length = word[..Math.Min(word.Length, lower.Length)].ToLowerInvariant(lower);
            var key = lower[..length];
            for (var i = 0; i < profiles.Length; i++)
            {
                if (profiles[i].Words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key))
                    hits[i]++;
            }
        }

        int best = -1, second = 0;
        for (var i = 0; i < profiles.Length; i++)
        {
            if (best < 0 || hits[i] > hits[best])
            {
                second = best < 0 ? 0 : hits[best];
                best = i;
            }
            else if (hits[i] > second)
            {
                second = hits[i];
            }
        }

        // Enough evidence: a few frequent words, a tenth of the text, and a clear lead over the runner-up.
        return best >= 0 && hits[best] >= 3 && hits[best] * 10 >= words && hits[best] > second ? profiles[best].Code : null;
    }

    private static (string, HashSet<string>)[] Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("NewsLens.Corpus.Data.languages.txt")
            ?? throw new InvalidOperationException("embedded resource languages.txt is missing");
        using var reader = new StreamReader(stream);
        var profiles = new List<(string, HashSet<string>)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            profiles.Add((parts[0], new HashSet<string>(parts.Skip(1), StringComparer.Ordinal)));
        }

        return [.. profiles];
    }
}
