using System.Text.RegularExpressions;

namespace NewsLens;

/// <summary>
/// Dates an article that prints no full date, only when its text pins the date down; otherwise null (never a guess).
/// </summary>
/// <remarks>
/// The candidate publication day is the first printed month and day without a year (news leads report the latest
/// event: "met on March 24"). Its year must come from the text itself:
/// the same month and day printed with a year elsewhere; or month-days of dated public events named in the text
/// ("the April 23 first round of the French election" → events.txt) that all agree on one year; or a weekday printed
/// with a month-day ("Friday, March 24") that fits exactly one year between the latest year the text mentions and now.
/// </remarks>
internal static class DateInference
{
    private static readonly Regex Year = new(@"\b(19[5-9]\d|20\d\d)\b", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    public static DateOnly? Infer(string text, IReadOnlyList<DatedEvent> events, int currentYear)
    {
        var mentions = DateText.Mentions(text).ToList();
        var monthDays = mentions.Where(m => m.Year is null).ToList();
        if (monthDays.Count == 0)
            return null;

        // Month-days that are dated events named in their sentence, and the years those events give.
        var eventYears = new HashSet<int>();
        var eventMentions = new HashSet<int>();
        foreach (var mention in monthDays)
        {
            var sentence = SentenceAround(text, mention);
            foreach (var e in events)
            {
                if (e.Date.Month != mention.Month || e.Date.Day != mention.Day || e.Date.Year > currentYear)
                    continue;
                if (e.EventTerms.Any(t => ContainsWord(sentence, t, StringComparison.OrdinalIgnoreCase))
                    && e.CountryTerms.Any(t => ContainsWord(text, t, StringComparison.Ordinal)))
                {
                    eventYears.Add(e.Date.Year);
                    eventMentions.Add(mention.Index);
                }
            }
        }

        // The publication day is reported in the lead, in the past: not an event's own day, not a deadline ("by",
        // "until", "ahead of"), not in a clause about the future ("will deliver ... on 16 March").
        var eventDays = monthDays.Where(m => eventMentions.Contains(m.Index)).Select(m => (m.Month, m.Day)).ToHashSet();
        var candidates = monthDays
            .Where(m => m.Index < LeadLength && !eventDays.Contains((m.Month, m.Day)) && !IsDeadline(text, m) && !InFutureClause(text, m))
            .ToList();
        if (candidates.Count == 0)
            return null;
        var first = candidates[0];

        // 1. The same month and day printed with its year elsewhere.
        var withYear = mentions.Where(m => m.Year is not null && m.Month == first.Month && m.Day == first.Day).Select(m => m.Year!.Value).Distinct().ToList();
        if (withYear.Count == 1)
            return DateText.Make(withYear[0], first.Month, first.Day);

        // 2. Dated events agreeing on one year.
        if (eventYears.Count == 1)
            return DateText.Make(eventYears.Single(), first.Month, first.Day);
        if (eventYears.Count > 1)
            return null; // the text names events of different years: ambiguous

        // 3. A weekday with a month-day that fits one year only.
        var latest = Year.Matches(text).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))
            .Where(y => y <= currentYear).DefaultIfEmpty(0).Max();
        if (latest == 0)
            return null;
        foreach (var mention in candidates.Where(m => m.Weekday is not null))
        {
            var fits = Enumerable.Range(latest, currentYear - latest + 1)
                .Where(y => DateText.Make(y, mention.Month, mention.Day) is { } d && d.DayOfWeek == mention.Weekday)
                .ToList();
            if (fits.Count == 1)
                return DateText.Make(fits[0], mention.Month, mention.Day);
        }

        return null;
    }

    // Characters of the page (header and first paragraphs) where the day of the news is printed.
    private const int LeadLength = 1500;

    private static readonly string[] DeadlineWords = ["by", "until", "till", "before", "for", "ahead of", "due", "from", "starting", "since"];
    private static readonly string[] FutureWords =
        ["will", "would", "shall", "'ll", "is due", "are due", "expected", "scheduled", "upcoming", "next", "plans", "planned", "set to", "to be held", "going to"];

    // "by March 3", "until Friday, March 3", "ahead of 3 March": the word before the date (and its weekday).
    private static bool IsDeadline(string text, DateMention mention)
    {
        var words = text[Math.Max(0, mention.Index - 40)..mention.Index]
            .Split((char[])[' ', ',', '(', '\n'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (mention.Weekday is not null && words.Count > 0)
            words.RemoveAt(words.Count - 1);
        if (words.Count > 0 && words[^1].Equals("the", StringComparison.OrdinalIgnoreCase))
            words.RemoveAt(words.Count - 1);
        if (words.Count == 0)
            return false;
        var last = words[^1];
        var lastTwo = words.Count > 1 ? words[^2] + " " + last : last;
        return DeadlineWords.Any(w => last.Equals(w, StringComparison.OrdinalIgnoreCase) || lastTwo.Equals(w, StringComparison.OrdinalIgnoreCase));
    }

    private static bool InFutureClause(string text, DateMention mention)
    {
        var start = mention.Index;
        while (start > 0 && start > mention.Index - 200 && text[start - 1] is not ('.' or '!' or '?' or '\n' or ',' or ';'))
            start--;
        var end = mention.End;
        while (end < text.Length && end < mention.End + 200 && text[end] is not ('.' or '!' or '?' or '\n' or ',' or ';'))
            end++;
        var clause = text[start..end];
        return FutureWords.Any(w => ContainsWord(clause, w, StringComparison.OrdinalIgnoreCase));
    }

    private static string SentenceAround(string text, DateMention mention)
    {
        var start = mention.Index;
        while (start > 0 && start > mention.Index - 300 && text[start - 1] is not ('.' or '!' or '?' or '\n'))
            start--;
        var end = mention.End;
        while (end < text.Length && end < mention.End + 300 && text[end] is not ('.' or '!' or '?' or '\n'))
            end++;
        return text[start..end];
    }

    internal static bool ContainsWord(string text, string word, StringComparison comparison)
    {
        for (var i = text.IndexOf(word, comparison); i >= 0; i = text.IndexOf(word, i + 1, comparison))
        {
            var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var after = i + word.Length >= text.Length || !char.IsLetterOrDigit(text[i + word.Length]);
            if (before && after)
                return true;
        }

        return false;
    }
}
