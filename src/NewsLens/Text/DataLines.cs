namespace NewsLens;

/// <summary>The line convention every shipped data file shares: trimmed lines, blank lines and '#' comments skipped,
/// each kept line with its 1-based number so parse errors can name it.</summary>
internal static class DataLines
{
    public static IEnumerable<(int Number, string Text)> Read(string content)
    {
        var number = 0;
        foreach (var raw in content.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length > 0 && line[0] != '#')
                yield return (number, line);
        }
    }
}
