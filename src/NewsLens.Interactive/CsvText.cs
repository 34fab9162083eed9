using System.Globalization;
using System.Text;

namespace NewsLens.Interactive;

/// <summary>RFC 4180 CSV text (invariant culture, ISO dates), shared by script exports and the tables' download links.</summary>
internal static class CsvText
{
    public static void AppendRow(StringBuilder text, IEnumerable<object?> values) =>
        text.AppendJoin(',', values.Select(v => Quote(Field(v)))).Append("\r\n");

    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    public static string Field(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "",
        float f when float.IsNaN(f) => "",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("s", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.ICollection c => HtmlTable.Text(c),
        _ => value.ToString() ?? "",
    };
}
