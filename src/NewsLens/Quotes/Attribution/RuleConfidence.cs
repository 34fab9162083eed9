using System.Globalization;

namespace NewsLens;

/// <summary>
/// One table from attribution rule to confidence: the share of quotes a rule attributed correctly on
/// hand-checked news (data file <c>Quotes/Attribution/rule-confidence.txt</c>). Keys are
/// <c>rule/resolution</c> ("cue-subject/pronoun") or a rule alone; a quote nobody is found for gets at most 0.3.
/// </summary>
public sealed class RuleConfidence
{
    private readonly Dictionary<string, double> _table;

    private readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private RuleConfidence(Dictionary<string, double> table)
    {
        _table = table;
        _lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static RuleConfidence Default { get; } = Parse(QuoteResources.Read("rule-confidence.txt"), "rule-confidence.txt");

    /// <summary>The table's entries, for printing.</summary>
    public IReadOnlyDictionary<string, double> Entries => _table;

    public static RuleConfidence Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"rule confidence file not found: {path}", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses lines of "rule[/resolution] value" (value 0..1); # starts a comment.</summary>
    public static RuleConfidence Parse(string content, string source = "confidence")
    {
        var table = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (lineNumber, line) in DataLines.Read(content))
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1)
                throw new FormatException($"{source}:{lineNumber}: expected 'rule value' with a value between 0 and 1");
            table[parts[0]] = value;
        }

        return new RuleConfidence(table);
    }

    internal double Of(string rule, in SpeakerAttribution attribution)
    {
        if (attribution.Speaker is null)
            return Math.Min(attribution.Confidence, 0.3);
        // The key "rule/resolution" is put together on the stack: this runs for every quote.
        var resolution = QuoteExtensions.Name(attribution.Resolution);
        var length = rule.Length + 1 + resolution.Length;
        Span<char> key = length <= 128 ? stackalloc char[length] : new char[length];
        rule.CopyTo(key);
        key[rule.Length] = '/';
        resolution.CopyTo(key[(rule.Length + 1)..]);
        return _lookup.TryGetValue(key, out var value) || _table.TryGetValue(rule, out value) ? value : attribution.Confidence;
    }
}
