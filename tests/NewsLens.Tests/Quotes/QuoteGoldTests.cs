using System.Text.Json;
using Xunit.Abstractions;

namespace NewsLens.Tests.Quotes;

/// <summary>Quotation extraction and attribution against the hand-made gold annotations of the seed corpus.</summary>
public class QuoteGoldTests(ITestOutputHelper output)
{
    private sealed record GoldQuote(string File, string Quote, string? Speaker, string Kind);

    [Fact]
    public void ExtractionAndSpeakersMatchTheGoldStandard()
    {
        var gold = ReadGold("seeds.quotes.jsonl");
        var predicted = SeedArticles().SelectMany(a => QuoteExtractor.Extract(a)).ToList();

        var matches = Match(gold, predicted);
        var precision = predicted.Count == 0 ? 0 : (double)matches.Count / predicted.Count;
        var recall = (double)matches.Count / gold.Count;
        var withSpeaker = matches.Where(m => m.Gold.Speaker is not null).ToList();
        var speakerRight = withSpeaker.Count(m => SameSpeaker(m.Gold.Speaker!, m.Predicted.Speaker));
        var speakerAccuracy = withSpeaker.Count == 0 ? 0 : (double)speakerRight / withSpeaker.Count;
        var kindRight = matches.Count(m => string.Equals(m.Gold.Kind, QuoteExtensions.Name(m.Predicted.Kind), StringComparison.Ordinal));

        output.WriteLine($"gold {gold.Count}, predicted {predicted.Count}, matched {matches.Count}");
        output.WriteLine($"extraction precision {precision:F3}, recall {recall:F3}");
        output.WriteLine($"speaker accuracy {speakerAccuracy:F3} ({speakerRight}/{withSpeaker.Count}); kind agreement {kindRight}/{matches.Count}");
        foreach (var p in predicted.Where(p => !matches.Exists(m => ReferenceEquals(m.Predicted, p))))
            output.WriteLine($"  extra   {p.File}: «{p.Text}» ({p.Speaker})");
        foreach (var g in gold.Where(g => !matches.Exists(m => ReferenceEquals(m.Gold, g))))
            output.WriteLine($"  missed  {g.File}: «{g.Quote}» ({g.Speaker})");
        foreach (var m in matches.Where(m => m.Gold.Kind != QuoteExtensions.Name(m.Predicted.Kind)))
            output.WriteLine($"  kind    {m.Gold.File}: «{Short(m.Gold.Quote)}» gold {m.Gold.Kind}, got {QuoteExtensions.Name(m.Predicted.Kind)}");
        foreach (var m in withSpeaker.Where(m => !SameSpeaker(m.Gold.Speaker!, m.Predicted.Speaker)))
            output.WriteLine($"  speaker {m.Gold.File}: «{Short(m.Gold.Quote)}» gold {m.Gold.Speaker}, got {m.Predicted.Speaker ?? "null"} via {m.Predicted.SpeakerMention}");

        Assert.True(precision >= 0.95, $"extraction precision {precision:F3} < 0.95");
        Assert.True(recall >= 0.95, $"extraction recall {recall:F3} < 0.95");
        Assert.True(speakerAccuracy >= 0.90, $"speaker accuracy {speakerAccuracy:F3} < 0.90");
    }

    [Fact]
    public void NoExcludedSpanIsReportedAsAQuotation()
    {
        var excluded = ReadJsonl("seeds.excluded_quotes.jsonl")
            .Select(e => (File: e.GetProperty("file").GetString()!, Span: e.GetProperty("span").GetString()!))
            .ToList();
        var predicted = SeedArticles().SelectMany(a => QuoteExtractor.Extract(a)).ToList();
        var wrong = excluded
            .Where(e => predicted.Any(p => p.File == e.File && p.Text.Trim(',', '.', ' ') == e.Span))
            .ToList();
        foreach (var (file, span) in wrong)
            output.WriteLine($"reported though excluded: {file}: «{span}»");
        Assert.Empty(wrong);
    }

    // The seeds as the loader delivers them: boilerplate removed, related articles split off, dates recovered.
    private static readonly Lazy<Corpus> Seeds = new(() => Corpus.Load(TestPaths.Seeds));

    internal static IReadOnlyList<Article> SeedArticles() => Seeds.Value.Articles;

    private static List<(GoldQuote Gold, Quote Predicted)> Match(IReadOnlyList<GoldQuote> gold, IReadOnlyList<Quote> predicted)
    {
        // Greedy one-to-one matching on token-overlap F1 (best pairs first), per file.
        var candidates = new List<(double F1, GoldQuote Gold, Quote Predicted)>();
        foreach (var g in gold)
        {
            foreach (var p in predicted.Where(p => p.File == g.File))
            {
                var f1 = TokenF1(g.Quote, p.Text);
                if (f1 >= 0.5)
                    candidates.Add((f1, g, p));
            }
        }

        var usedGold = new HashSet<GoldQuote>(ReferenceEqualityComparer.Instance);
        var usedPredicted = new HashSet<Quote>(ReferenceEqualityComparer.Instance);
        var matches = new List<(GoldQuote, Quote)>();
        foreach (var (_, g, p) in candidates.OrderByDescending(c => c.F1))
        {
            if (usedGold.Contains(g) || usedPredicted.Contains(p))
                continue;
            usedGold.Add(g);
            usedPredicted.Add(p);
            matches.Add((g, p));
        }

        return matches;
    }

    internal static double TokenF1(string a, string b)
    {
        var ta = Tokens(a);
        var tb = Tokens(b);
        if (ta.Count == 0 || tb.Count == 0)
            return 0;
        var counts = ta.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var common = 0;
        foreach (var t in tb)
        {
            if (counts.TryGetValue(t, out var n) && n > 0)
            {
                counts[t] = n - 1;
                common++;
            }
        }

        if (common == 0)
            return 0;
        var precision = (double)common / tb.Count;
        var recall = (double)common / ta.Count;
        return 2 * precision * recall / (precision + recall);
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
            tokens.Add(current.ToString());
        return tokens;
    }

    // Names match when equal or when the surname (last word) matches.
    private static bool SameSpeaker(string gold, string? predicted)
    {
        if (predicted is null)
            return false;
        if (string.Equals(gold, predicted, StringComparison.OrdinalIgnoreCase))
            return true;
        var g = gold.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var p = predicted.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return g.Length > 0 && p.Length > 0 && string.Equals(g[^1], p[^1], StringComparison.OrdinalIgnoreCase);
    }

    private static string Short(string text) => text.Length > 50 ? text[..50] + "…" : text;

    private static List<GoldQuote> ReadGold(string name) =>
        ReadJsonl(name)
            .Select(e => new GoldQuote(
                e.GetProperty("file").GetString()!,
                e.GetProperty("quote").GetString()!,
                e.GetProperty("speaker").ValueKind == JsonValueKind.Null ? null : e.GetProperty("speaker").GetString(),
                e.GetProperty("kind").GetString()!))
            .ToList();

    private static IEnumerable<JsonElement> ReadJsonl(string name) =>
        File.ReadLines(Path.Combine(TestPaths.Gold, name))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone());
}
