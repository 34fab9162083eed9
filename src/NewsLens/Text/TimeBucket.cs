using System.Globalization;

namespace NewsLens;

/// <summary>The width of a time bucket (time series, quotes by period, chart time axes).</summary>
public enum TimeBucket
{
    Day,

    /// <summary>ISO weeks, Monday to Sunday, labelled "2024-W07".</summary>
    Week,
    Month,
    Quarter,
    Year,
}

/// <summary>The one place where dates are bucketed, so tables and charts agree on bucket boundaries.</summary>
internal static class TimeBuckets
{
    /// <summary>First day of the bucket holding <paramref name="date"/>.</summary>
    public static DateOnly Start(DateOnly date, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Day => date,
        TimeBucket.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        TimeBucket.Month => new DateOnly(date.Year, date.Month, 1),
        TimeBucket.Quarter => new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1),
        TimeBucket.Year => new DateOnly(date.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket)),
    };

    /// <summary>First day of the bucket after the one starting on <paramref name="start"/>.</summary>
    public static DateOnly Next(DateOnly start, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Day => start.AddDays(1),
        TimeBucket.Week => start.AddDays(7),
        TimeBucket.Month => start.AddMonths(1),
        TimeBucket.Quarter => start.AddMonths(3),
        TimeBucket.Year => start.AddYears(1),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket)),
    };

    /// <summary>Every bucket start from the earliest to the latest date, gaps included, so series do not jump over empty periods silently.</summary>
    public static List<DateOnly> Range(IEnumerable<DateOnly> dates, TimeBucket bucket)
    {
        var result = new List<DateOnly>();
        DateOnly? min = null, max = null;
        foreach (var date in dates)
        {
            if (min is null || date < min)
                min = date;
            if (max is null || date > max)
                max = date;
        }

        if (min is null)
            return result;
        var last = Start(max!.Value, bucket);
        for (var start = Start(min.Value, bucket); start <= last; start = Next(start, bucket))
            result.Add(start);
        return result;
    }

    /// <summary>Table label: "2024-03-05", "2024-W10", "2024-03", "2024-Q1" or "2024" (sortable, ISO-like).</summary>
    public static string Label(DateOnly start, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Day => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeBucket.Week => string.Create(CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):00}"),
        TimeBucket.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        TimeBucket.Quarter => string.Create(CultureInfo.InvariantCulture, $"{start.Year}-Q{(start.Month - 1) / 3 + 1}"),
        TimeBucket.Year => start.Year.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket)),
    };

    /// <summary>People-facing label for charts: "12 March 2017", "week of 6 March 2017", "March 2017", "Q1 2017", "2017".</summary>
    public static string HumanLabel(DateOnly start, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Day => start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        TimeBucket.Week => "week of " + start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        TimeBucket.Month => start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        TimeBucket.Quarter => string.Create(CultureInfo.InvariantCulture, $"Q{(start.Month - 1) / 3 + 1} {start.Year}"),
        TimeBucket.Year => start.Year.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket)),
    };

    /// <summary>"day", "week", "month", "quarter", "year".</summary>
    public static string Noun(TimeBucket bucket) => bucket.ToString().ToLowerInvariant();

    /// <summary>The given bucket, or when null the one giving a readable number of points for the span: days, weeks, months or years.</summary>
    public static TimeBucket Choose(TimeBucket? bucket, IEnumerable<DateOnly> dates)
    {
        if (bucket is { } chosen)
            return chosen;
        var list = dates.ToList();
        if (list.Count == 0)
            return TimeBucket.Month;
        return (list.Max().DayNumber - list.Min().DayNumber) switch
        {
            <= 62 => TimeBucket.Day,
            <= 365 => TimeBucket.Week,
            <= 365 * 6 => TimeBucket.Month,
            _ => TimeBucket.Year,
        };
    }
}
