using Microsoft.Data.Analysis;
using Parquet.Schema;

namespace NewsLens;

/// <summary>An output table: a name and typed columns over rows of <typeparamref name="TRow"/>.</summary>
internal sealed class Table<TRow>
{
    public Table(string name, params TableColumn<TRow>[] columns)
    {
        Name = name;
        Columns = columns;
        Schema = new ParquetSchema(columns.Select(c => (Field)c.Field));
    }

    public string Name { get; }

    public IReadOnlyList<TableColumn<TRow>> Columns { get; }

    public ParquetSchema Schema { get; }

    public TableBuffer<TRow> CreateBuffer() => new(this);

    public DataFrame ToDataFrame(IReadOnlyCollection<TRow> rows)
    {
        var buffer = CreateBuffer();
        foreach (var row in rows)
            buffer.Add(row);
        return buffer.ToDataFrame();
    }
}

/// <summary>Rows of one table held column by column until they are written as a row group.</summary>
internal sealed class TableBuffer<TRow>(Table<TRow> table)
{
    private readonly ColumnBuffer<TRow>[] columns = table.Columns.Select(c => c.CreateBuffer()).ToArray();

    public Table<TRow> Table { get; } = table;

    public int Rows { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>Adds a row; returns the growth in buffered bytes.</summary>
    public long Add(TRow row)
    {
        long bytes = 0;
        foreach (var column in columns)
        {
            var before = column.Bytes;
            column.Add(row);
            bytes += column.Bytes - before;
        }

        Rows++;
        Bytes += bytes;
        return bytes;
    }

    public async Task WriteRowGroupAsync(Parquet.ParquetWriter writer)
    {
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < columns.Length; c++)
            await columns[c].WriteAsync(group, Table.Columns[c].Field).ConfigureAwait(false);
        group.CompleteValidate();
    }

    public IEnumerable<string[]> CsvRecords()
    {
        var record = new string[columns.Length];
        for (var row = 0; row < Rows; row++)
        {
            for (var c = 0; c < columns.Length; c++)
                record[c] = columns[c].FormatCsv(row);
            yield return record;
        }
    }

    public DataFrame ToDataFrame()
    {
        var frameColumns = new List<DataFrameColumn>();
        for (var c = 0; c < columns.Length; c++)
        {
            var column = Table.Columns[c].CreateDataFrameColumn(Rows);
            for (var row = 0; row < Rows; row++)
                column[row] = columns[c].Get(row);
            frameColumns.Add(column);
        }

        return new DataFrame(frameColumns);
    }

    public void Clear()
    {
        foreach (var column in columns)
            column.Clear();
        Rows = 0;
        Bytes = 0;
    }
}
