using System.Text.Json;
using NewsLens.Cli.Commands;
using NewsLens.Cli.Output;

namespace NewsLens.Tests.Cli;

/// <summary>`newslens actors` and `newslens cooccurrence`: columns, formats and exit codes.</summary>
public class ActorsCommandTests
{
    private static (int Code, string Out, string Err) Actors(OutputFormat format, string? catalog, params string[] paths)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = ActorsCommand.Run(paths, catalog, format, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    private static (int Code, string Out, string Err) Cooccurrence(CooccurrenceOptions options, bool matrix, OutputFormat format, params string[] paths)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = CooccurrenceCommand.Run(paths, options, matrix, null, format, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    private static List<JsonElement> Rows(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Fact]
    public void ActorsJsonLinesHasTheDocumentedFields()
    {
        var (code, output, _) = Actors(OutputFormat.Jsonl, null, TestPaths.Seeds);
        Assert.Equal(0, code);
        var rows = Rows(output);
        Assert.Equal(["article", "file", "actor", "kind", "surface", "start", "end", "sentence", "source"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains(rows, r => r.GetProperty("surface").GetString() == "the top diplomat" && r.GetProperty("actor").GetString() == "Sergey Lavrov"
                                   && r.GetProperty("source").GetString() == "role");
        Assert.Contains(rows, r => r.GetProperty("file").GetString() == "000_7f40ecaf0bc3b4b2.txt" && r.GetProperty("kind").GetString() == "person");
    }

    [Fact]
    public void ActorsUsesTheUsersCatalog()
    {
        // Dated: a role phrase names its holder by the article's date (undated, only by the article's context).
        var folder = Directory.CreateTempSubdirectory("actors-cli-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "story.txt"), "Council Vote\n\nMarch 2, 2031\n\nThe Ruritanian foreign affairs supremo spoke on Monday about the budget.");
            var catalog = Path.Combine(folder.FullName, "mine.json");
            File.WriteAllText(catalog, """
                { "offices": { "foreign minister": ["foreign affairs supremo"] },
                  "actors": [ { "name": "Jane Example", "kind": "person", "roles": [ { "office": "foreign minister", "of": ["Ruritania"] } ] },
                              { "name": "Ruritania", "kind": "place", "demonyms": ["Ruritanian"] } ] }
                """);
            var (code, output, _) = Actors(OutputFormat.Csv, catalog, Path.Combine(folder.FullName, "story.txt"));
            Assert.Equal(0, code);
            Assert.StartsWith("article,file,actor,kind,surface,start,end,sentence,source", output);
            Assert.Contains("Jane Example,person,The Ruritanian foreign affairs supremo", output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void UsageErrorsGiveExitCodeOne()
    {
        Assert.Equal(2, Actors(OutputFormat.Table, null, "/no/such/folder/anywhere").Code); // a path that matched nothing
        var (code, _, errors) = Actors(OutputFormat.Table, "/no/such/catalog.json", TestPaths.Seeds);
        Assert.Equal(1, code);
        Assert.Contains("/no/such/catalog.json", errors);
        Assert.Equal(1, NewsLens.Cli.Program.BuildRoot().Parse(["actors"]).Invoke());
        Assert.Equal(1, NewsLens.Cli.Program.BuildRoot().Parse(["cooccurrence", TestPaths.Seeds, "--kinds", "robot"]).Invoke());
        Assert.Equal(1, NewsLens.Cli.Program.BuildRoot().Parse(["cooccurrence", TestPaths.Seeds, "--min-count", "0"]).Invoke());
    }

    [Fact]
    public void CooccurrenceEdgeListFiltersByCountAndKind()
    {
        var options = new CooccurrenceOptions { Window = CooccurrenceWindow.Article, MinCount = 2, Kinds = new HashSet<ActorKind> { ActorKind.Person } };
        var (code, output, _) = Cooccurrence(options, false, OutputFormat.Jsonl, TestPaths.Seeds);
        Assert.Equal(0, code);
        var rows = Rows(output);
        Assert.Equal(["a", "b", "count", "a_count", "b_count", "npmi", "pmi", "jaccard", "g2"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.All(rows, r => Assert.True(r.GetProperty("count").GetInt32() >= 2));
        Assert.Contains(rows, r => r.GetProperty("a").GetString() == "Marine Le Pen" && r.GetProperty("b").GetString() == "Vladimir Putin");
    }

    [Fact]
    public void CooccurrenceMatrixIsSquare()
    {
        var (code, output, _) = Cooccurrence(new CooccurrenceOptions { Window = CooccurrenceWindow.Paragraph, Top = 5 }, true, OutputFormat.Csv, TestPaths.Seeds);
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        Assert.Equal("actor", header[0]);
        Assert.Equal(header.Length - 1, lines.Length - 1);
    }
}
