using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsLens;

/// <summary>Finds dates in text and URLs: "July 08, 2024", "8 July 2024", "2024-07-08T10:00Z", "26-04-2025" (day first), "/2024/07/08/".</summary>
internal static class DateText
{
    private const string Month =
        @"(?<month>Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sep(t(ember)?)?|Oct(ober)?|Nov(ember)?|Dec(ember)?)\b\.?";

    private const string Weekday = @"(?<weekday>Mon(day)?|Tue(s(day)?)?|Wed(nesday)?|Thu(rs(day)?)?|Fri(day)?|Sat(urday)?|Sun(day)?)";

    // The patterns are built on first use (each costs MB of automata): most metadata dates parse without them. Only
    // named groups capture: a match then makes no group objects for the many "Jan(uary)?" alternatives.
    private const RegexOptions Fast = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // A full date in any of the common forms; the year is optional in the month-name forms (a month-day mention).
    private static readonly Lazy<Regex> Full = new(() => new(
        @"\b(" + Month + @"\s+(?<day>\d{1,2})(st|nd|rd|th)?\b(,?\s+(?<year>\d{4})\b)?"
        + @"|(?<day2>\d{1,2})(st|nd|rd|th)?\s+(of\s+)?" + Month.Replace("<month>", "<month2>") + @"(,?\s+(?<year2>\d{4})\b)?"
        + @"|(?<iy>\d{4})-(?<im>\d{1,2})-(?<id>\d{1,2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?\b"
        + @"|(?<sy>\d{4})/(?<sm>\d{1,2})/(?<sd>\d{1,2})\b"
        + @"|(?<na>\d{1,2})[-./](?<nb>\d{1,2})[-./](?<ny>\d{4})\b)",
        Fast));

    private static readonly Lazy<Regex> WeekdayBefore = new(() => new(
        Weekday + @"\s*,?\s*(the\s+)?\(?$", Fast));

    private static readonly Lazy<Regex> UrlDate = new(() => new(
        @"/(?<y>(19|20)\d{2})[/-](?<m>[01]?\d)[/-](?<d>[0-3]?\d)(/|-|_|\.|$)|/(?<y2>(19|20)\d{2})(?<m2>[01]\d)(?<d2>[0-3]\d)(/|-|_|\.|$)",
        Fast));

    /// <summary>Every date or month-day mention in the text, in order.</summary>
    public static IEnumerable<DateMention> Mentions(string text, bool monthFirstNumeric = false)
    {
        foreach (Match m in Full.Value.Matches(text))
        {
            if (TryRead(m, monthFirstNumeric, out var mention))
                yield return mention with { Weekday = WeekdayOf(text, m.Index) };
        }
    }

    /// <summary>The first full date (with a year) in the text.</summary>
    public static DateMention? FirstFull(string text, bool monthFirstNumeric = false)
    {
        foreach (var mention in Mentions(text, monthFirstNumeric))
        {
            if (mention.Year is not null)
                return mention;
        }

        return null;
    }

    private static readonly Lazy<Regex> Zone = new(() => new(@"(Z|[+-]\d{2}(:?\d{2})?|\b(GMT|UTC))$", Fast));

    /// <summary>
    /// A publication date from a metadata value, with its timestamp when the value gives a time of day
    /// (ISO 8601, in the page's own UTC offset when it names one), or null when the value is no plausible publication
    /// date: unreadable, before 1900, after tomorrow, or a placeholder (0001-01-01, 1970-01-01, 1900-01-01).
    /// </summary>
    public static PublishedDate? ParsePublished(string? value, bool monthFirstNumeric = false)
    {
        if (ParseValue(value, monthFirstNumeric) is not { } date)
            return null;
        value = value!.Trim();
        string? at = null;
        if (value.Contains(':') && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto)
            && DateOnly.FromDateTime(dto.DateTime) == date)
        {
            at = Zone.Value.IsMatch(value)
                ? dto.ToString(dto.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture)
                : dto.ToString(dto.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
        }

        return new PublishedDate(date, at);
    }

    /// <summary>False for dates no article was published on: before 1900, after tomorrow (UTC), or a placeholder
    /// some publishers print when the date is missing (1900-01-01, the Unix epoch 1970-01-01).</summary>
    public static bool Plausible(DateOnly date) =>
        date.Year >= 1900 && date <= DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1)
        && date != new DateOnly(1900, 1, 1) && date != new DateOnly(1970, 1, 1);

    /// <summary>A full date parsed from a metadata value: ISO 8601, RFC 1123, "July 8, 2024", "08/07/2024" (day first), Unix seconds.</summary>
    /// <remarks>Implausible dates (<see cref="Plausible"/>) read as no date, so the next source is tried.</remarks>
    public static DateOnly? ParseValue(string? value, bool monthFirstNumeric = false) =>
        ParseAny(value, monthFirstNumeric) is { } date && Plausible(date) ? date : null;

    private static DateOnly? ParseAny(string? value, bool monthFirstNumeric)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto)
            && (value.Contains('-') || value.Contains(',') || value.Contains(':')) && !LooksNumericDayFirst(value))
            return DateOnly.FromDateTime(dto.Date);
        if (FirstFull(value, monthFirstNumeric) is { } mention)
            return mention.Date;
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && value.Length is 10 or 13)
        {
            var seconds = value.Length == 13 ? number / 1000 : number;
            return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
        }

        return null;
    }

    /// <summary>A date in a URL path: /2024/07/08/, /2024-07-08-, /20240708/.</summary>
    public static DateOnly? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
            return null;
        var m = UrlDate.Value.Match(url);
        if (!m.Success)
            return null;
        var y = m.Groups["y"].Success ? m.Groups["y"].Value : m.Groups["y2"].Value;
        var mo = m.Groups["m"].Success ? m.Groups["m"].Value : m.Groups["m2"].Value;
        var d = m.Groups["d"].Success ? m.Groups["d"].Value : m.Groups["d2"].Value;
        return Make(int.Parse(y, CultureInfo.InvariantCulture), int.Parse(mo, CultureInfo.InvariantCulture), int.Parse(d, CultureInfo.InvariantCulture)) is { } date
            && Plausible(date) ? date : null;
    }

    public static int? MonthNumber(string name)
    {
        if (name.Length < 3)
            return null;
        return name[..3].ToLowerInvariant() switch
        {
            "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
            "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12,
            _ => null,
        };
    }

    public static DateOnly? Make(int year, int month, int day)
    {
        if (year < 1800 || year > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return new DateOnly(year, month, day);
    }

    // "26/04/2025" would parse month-first in the invariant culture: leave numeric forms to our day-first rule.
    private static bool LooksNumericDayFirst(string value) =>
        value.Length <= 10 && value.Length >= 8 && char.IsDigit(value[0]) && (value[1] is '-' or '/' or '.' || value[2] is '-' or '/' or '.');

    private static bool TryRead(Match m, bool monthFirstNumeric, out DateMention mention)
    {
        mention = default;
        int? year = null;
        int month, day;
        if (m.Groups["month"].Success)
        {
            month = MonthNumber(m.Groups["month"].Value) ?? 0;
            day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["year"].Success)
                year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        }
        else if (m.Groups["month2"].Success)
        {
            month = MonthNumber(m.Groups["month2"].Value) ?? 0;
            day = int.Parse(m.Groups["day2"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["year2"].Success)
                year = int.Parse(m.Groups["year2"].Value, CultureInfo.InvariantCulture);
        }
        else if (m.Groups["iy"].Success)
        {
            year = int.Parse(m.Groups["iy"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups["im"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture);
        }
        else if (m.Groups["sy"].Success)
        {
            year = int.Parse(m.Groups["sy"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups["sm"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(m.Groups["sd"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            var a = int.Parse(m.Groups["na"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(m.Groups["nb"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(m.Groups["ny"].Value, CultureInfo.InvariantCulture);
            // Day first unless told otherwise or impossible ("04/26/2025").
            (day, month) = monthFirstNumeric ? (b, a) : (a, b);
            if (month > 12 && day <= 12)
                (day, month) = (month, day);
        }

        if (month is < 1 or > 12 || day is < 1 or > 31)
            return false;
        if (year is { } y && Make(y, month, day) is null)
            return false;
        if (year is null && day > DateTime.DaysInMonth(2024, month))
            return false;
        mention = new DateMention(m.Index, m.Length, year, month, day, null);
        return true;
    }

    private static DayOfWeek? WeekdayOf(string text, int index)
    {
        var start = Math.Max(0, index - 16);
        var before = WeekdayBefore.Value.Match(text, start, index - start);
        if (!before.Success)
            return null;
        return before.Groups["weekday"].Value[..3].ToLowerInvariant() switch
        {
            "mon" => DayOfWeek.Monday, "tue" => DayOfWeek.Tuesday, "wed" => DayOfWeek.Wednesday, "thu" => DayOfWeek.Thursday,
            "fri" => DayOfWeek.Friday, "sat" => DayOfWeek.Saturday, _ => DayOfWeek.Sunday,
        };
    }
}

/// <summary>A publication date and, when the source gave a time of day, the full timestamp as ISO 8601 (with the source's UTC offset when it named one).</summary>
internal readonly record struct PublishedDate(DateOnly Date, string? At);

/// <summary>A date or a month-day (Year null) found at [Index, Index + Length) of a text.</summary>
internal readonly record struct DateMention(int Index, int Length, int? Year, int Month, int Day, DayOfWeek? Weekday)
{
    public DateOnly? Date => Year is { } y ? DateText.Make(y, Month, Day) : null;

    public int End => Index + Length;
}
