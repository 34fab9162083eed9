namespace NewsLens;

/// <summary>Reads the data files compiled into the library (cue verbs, word lists).</summary>
internal static class QuoteResources
{
    public static string Read(string fileName)
    {
        var assembly = typeof(QuoteResources).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"embedded data file {fileName} is missing from {assembly.GetName().Name}");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
