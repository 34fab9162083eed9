using System.Text.Json;
using Microsoft.Data.Analysis;
using NewsLens.Cli.Output;

namespace NewsLens.Tests.Cli;

public class TableOutputTests
{
    private static DataFrame Sample() => new(
        new StringDataFrameColumn("title", ["Talks, \"resumed\"", null]),
        new PrimitiveDataFrameColumn<DateTime>("published", [new DateTime(2024, 7, 8), null]),
        new PrimitiveDataFrameColumn<double>("compound", [0.5, double.NaN]),
        new PrimitiveDataFrameColumn<int>("words", [12, 3]));

    [Fact]
    public void JsonlWritesOneObjectPerRowWithColumnNamesDatesAndNulls()
    {
        var writer = new StringWriter();
        TableOutput.Write(Sample(), OutputFormat.Jsonl, writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("Talks, \"resumed\"", first.RootElement.GetProperty("title").GetString());
        Assert.Equal("2024-07-08", first.RootElement.GetProperty("published").GetString());
        Assert.Equal(0.5, first.RootElement.GetProperty("compound").GetDouble());
        Assert.Equal(12, first.RootElement.GetProperty("words").GetInt32());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("title").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("published").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("compound").ValueKind);
    }

    [Fact]
    public void CsvQuotesFieldsAndWritesAHeader()
    {
        var writer = new StringWriter();
        TableOutput.Write(Sample(), OutputFormat.Csv, writer);
        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("title,published,compound,words", lines[0]);
        Assert.Equal("\"Talks, \"\"resumed\"\"\",2024-07-08,0.5,12", lines[1]);
    }

    [Fact]
    public void TableShowsEveryColumnName()
    {
        var writer = new StringWriter();
        TableOutput.Write(Sample(), OutputFormat.Table, writer);
        var text = writer.ToString();
        Assert.Contains("published", text);
        Assert.Contains("2024-07-08", text);
    }
}
