using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.Data.Analysis;
using NewsLens.Cli.Inputs;
using Spectre.Console;

namespace NewsLens.Cli.Output;

/// <summary>How a verb prints its DataFrame.</summary>
public enum OutputFormat
{
    /// <summary>An aligned table for people (long text cut short).</summary>
    Table,

    /// <summary>RFC 4180 CSV (CRLF line ends) with a header row.</summary>
    Csv,

    /// <summary>One JSON object per row, keyed by the DataFrame's column names.</summary>
    Jsonl,
}

/// <summary>Writes any verb's DataFrame as a table, CSV or JSON Lines, so every verb prints the same way.</summary>
public static class TableOutput
{
    private const int TableCellWidth = 60;
    private const int ShortCellWidth = 28;

    internal static ChoiceOption<OutputFormat> CreateFormatOption() =>
        new("--format", "Output format: an aligned table for people, CSV, or JSON Lines.", OutputFormat.Table, "-f");

    public static void Write(DataFrame frame, OutputFormat format, TextWriter writer)
    {
        switch (format)
        {
            case OutputFormat.Csv:
                WriteCsv(frame, writer);
                break;
            case OutputFormat.Jsonl:
                WriteJsonl(frame, writer);
                break;
            default:
                WriteTable(frame, writer);
                break;
        }

        writer.Flush();
    }

    public static void WriteCsv(DataFrame frame, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, true);
        csv.WriteRecord(frame.Columns.Select(column => column.Name).ToArray());
        var fields = new string[frame.Columns.Count];
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            for (var c = 0; c < fields.Length; c++)
                fields[c] = FormatInvariant(frame.Columns[c][row]);
            csv.WriteRecord(fields);
        }
    }

    public static void WriteJsonl(DataFrame frame, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                foreach (var column in frame.Columns)
                    WriteJsonValue(json, column.Name, column[row]);
                json.WriteEndObject();
            }

            writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
    }

    public static void WriteTable(DataFrame frame, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // A terminal keeps its own width; redirected output gets room for a wide table.
        console.Profile.Width = Console.IsOutputRedirected || writer != Console.Out ? 200 : Math.Max(console.Profile.Width, 100);
        var table = new Table().Border(TableBorder.Simple);
        var rows = new List<string[]>();
        for (long row = 0; row < frame.Rows.Count; row++)
            rows.Add(frame.Columns.Select(column => Shorten(FormatForPeople(column[row]))).ToArray());
        for (var c = 0; c < frame.Columns.Count; c++)
        {
            var column = new TableColumn(Markup.Escape(frame.Columns[c].Name));
            // Ids, names, dates and numbers stay on one line; only long text wraps.
            if (rows.All(cells => cells[c].Length <= ShortCellWidth))
                column.NoWrap();
            table.AddColumn(column);
        }

        foreach (var cells in rows)
            table.AddRow(cells.Select(Markup.Escape).ToArray());

        console.Write(table);
    }

    /// <summary>Culture-independent text for CSV: dates as yyyy-MM-dd, numbers round-trip.</summary>
    public static string FormatInvariant(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "", // undefined (e.g. NPMI of a pair never seen together): blank, as in spreadsheets
        DateTime { TimeOfDay.Ticks: 0 } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string FormatForPeople(object? value) => value switch
    {
        double d when double.IsNaN(d) => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        float f => f.ToString("0.####", CultureInfo.InvariantCulture),
        _ => FormatInvariant(value),
    };

    private static string Shorten(string text)
    {
        var flat = text.Replace("\r", " ").Replace('\n', ' ');
        return flat.Length <= TableCellWidth ? flat : string.Concat(flat.AsSpan(0, TableCellWidth - 1), "…");
    }

    private static void WriteJsonValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case bool b:
                json.WriteBoolean(name, b);
                break;
            case int or long or short or byte or sbyte or ushort or uint or ulong:
                json.WriteNumber(name, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double d when double.IsFinite(d):
                json.WriteNumber(name, d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumber(name, f);
                break;
            case decimal m:
                json.WriteNumber(name, m);
                break;
            case double or float:
                json.WriteNull(name); // NaN and infinities have no JSON form
                break;
            default:
                json.WriteString(name, FormatInvariant(value));
                break;
        }
    }
}
