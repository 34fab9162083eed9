using System.Globalization;
using System.Text;

namespace NewsLens.Tests.Analysis;

/// <summary>
/// A small mixed corpus for sharded runs: a large JSON Lines file full of awkward lines (byte order mark, CRLF, blank,
/// malformed, non-object, broken UTF-8, U+FFFD, records with and without their own id), a small one, an empty one, CSV with
/// quoted newlines, a JSON array and two scraped pages. Written fresh into a temporary folder.
/// </summary>
internal static class ShardedCorpus
{
    private static readonly string[] People = ["Emmanuel Macron", "Vladimir Putin", "Olaf Scholz", "Volodymyr Zelensky", "Sergey Lavrov"];

    public static string Write(int feedRecords = 400)
    {
        var root = AnalysisOutput.TempDirectory();
        var corpus = Path.Combine(root, "corpus");
        Directory.CreateDirectory(Path.Combine(corpus, "pages"));
        using (var feed = new FileStream(Path.Combine(corpus, "a-feed.jsonl"), FileMode.Create))
        {
            feed.Write([0xEF, 0xBB, 0xBF]);
            for (var i = 0; i < feedRecords; i++)
            {
                var line = i switch
                {
                    _ when i % 37 == 5 => "",
                    _ when i % 41 == 7 => "{\"title\": \"broken record\", \"text\": ",
                    _ when i % 43 == 9 => "[1, 2, 3]",
                    _ when i % 47 == 11 => "{\"title\": \"odd \uFFFD mark\", \"text\": \"Text.\"}",
                    _ => Record(i, withId: i % 3 != 0),
                };
                var bytes = Encoding.UTF8.GetBytes(line);
                if (i % 53 == 13 && feed.Position > 70_000 && bytes.Length > 10)
                    bytes = [.. bytes[..10], 0xC3, 0x28, .. bytes[10..]]; // broken UTF-8 inside a line, past the bytes that decide the encoding
                feed.Write(bytes);
                feed.Write(i % 5 == 0 ? "\r\n"u8 : "\n"u8);
            }
        }

        File.WriteAllText(Path.Combine(corpus, "b-small.jsonl"), string.Join("\n", Enumerable.Range(1000, 5).Select(i => Record(i, withId: false))) + "\n");
        File.WriteAllText(Path.Combine(corpus, "c-empty.jsonl"), "");
        var csv = new StringBuilder("id,title,date,text\n");
        for (var i = 2000; i < 2020; i++)
            csv.Append(CultureInfo.InvariantCulture, $"csv-{i},\"Story, {i}\",2024-0{i % 9 + 1}-1{i % 9},\"{Text(i).Replace("\"", "\"\"")}\"\n");
        File.WriteAllText(Path.Combine(corpus, "d-table.csv"), csv.ToString());
        File.WriteAllText(Path.Combine(corpus, "e-array.json"), "[" + string.Join(",\n", Enumerable.Range(3000, 10).Select(i => Record(i, withId: i % 2 == 0))) + "]");
        foreach (var seed in Directory.GetFiles(TestPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Take(2))
            File.Copy(seed, Path.Combine(corpus, "pages", Path.GetFileName(seed)));
        return corpus;
    }

    public static string Record(int i, bool withId)
    {
        var date = i % 10 == 9 ? "" : $", \"published\": \"{2023 + i % 2}-{i % 3 * 5 + 1:00}-{i % 28 + 1:00}\""; // few partitions: quick to write
        var id = withId ? $"\"id\": \"story-{i}\", " : "";
        return $"{{{id}\"title\": \"Story {i}\"{date}, \"text\": {System.Text.Json.JsonSerializer.Serialize(Text(i))}}}";
    }

    private static string Text(int i)
    {
        var a = People[i % People.Length];
        var b = People[(i * 7 + 3) % People.Length];
        return $"{a} met {b} on day {i}. \"We agreed on item {i}, a good and fair deal,\" {a} said.\n\n{b} disagreed. The talks in Paris lasted {i % 9 + 1} terrible hours.";
    }
}
