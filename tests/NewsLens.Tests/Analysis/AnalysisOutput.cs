using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace NewsLens.Tests.Analysis;

/// <summary>Reads an analysis output folder back with Parquet.Net alone (no DuckDB), for cross-checking.</summary>
internal static class AnalysisOutput
{
    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "newslens-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static IEnumerable<string> Files(string root, string table, string extension = ".parquet") =>
        Directory.EnumerateFiles(Path.Combine(root, table), "*" + extension, SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal);

    /// <summary>Every row of a table as "partition|value|value|…", in file then row order.</summary>
    public static List<string> ReadRows(string root, string table)
    {
        var rows = new List<string>();
        foreach (var file in Files(root, table))
        {
            var partition = Path.GetRelativePath(Path.Combine(root, table), Path.GetDirectoryName(file)!).Replace('\\', '/');
            rows.AddRange(ReadFile(file).Select(values => partition + "|" + string.Join("|", values)));
        }

        return rows;
    }

    public static List<string?[]> ReadFile(string file) => ReadFileAsync(file).GetAwaiter().GetResult();

    private static async Task<List<string?[]>> ReadFileAsync(string file)
    {
        await using var reader = await ParquetReader.CreateAsync(file);
        var fields = reader.Schema.DataFields;
        var rows = new List<string?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var columns = new List<string?[]>();
            foreach (var field in fields)
                columns.Add(await ReadColumnAsync(group, field, count));
            for (var r = 0; r < count; r++)
                rows.Add(columns.Select(c => c[r]).ToArray());
        }

        return rows;
    }

    private static async Task<string?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count)
    {
        switch (field.ClrType)
        {
            case var t when t == typeof(string) || t == typeof(ReadOnlyMemory<char>):
                var strings = new string?[count];
                await group.ReadAsync(field, strings.AsMemory());
                return strings;
            case var t when t == typeof(int):
                return await ReadValues<int>(group, field, count);
            case var t when t == typeof(long):
                return await ReadValues<long>(group, field, count);
            case var t when t == typeof(double):
                return await ReadValues<double>(group, field, count);
            case var t when t == typeof(DateOnly):
                return await ReadValues<DateOnly>(group, field, count);
            case var t when t == typeof(DateTime):
                return await ReadValues<DateTime>(group, field, count);
            default:
                throw new NotSupportedException($"{field.Name}: {field.ClrType}");
        }
    }

    private static async Task<string?[]> ReadValues<T>(ParquetRowGroupReader group, DataField field, int count)
        where T : struct, IFormattable
    {
        if (field.IsNullable)
        {
            var values = new T?[count];
            await group.ReadAsync<T>(field, values.AsMemory());
            return values.Select(v => v?.ToString(null, CultureInfo.InvariantCulture)).ToArray();
        }

        var plain = new T[count];
        await group.ReadAsync<T>(field, plain.AsMemory());
        return plain.Select(v => v.ToString(null, CultureInfo.InvariantCulture)).ToArray();
    }
}
