using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsLens.Tests.Statements;

/// <summary>One gold quote of a statement gold file (<c>statements.jsonl</c>).</summary>
internal sealed record GoldStatementQuote(string Doc, int Start, int End, string Quote, string? Speaker, string Statement)
{
    public static List<GoldStatementQuote> Read(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l =>
        {
            var e = JsonDocument.Parse(l).RootElement;
            return new GoldStatementQuote(
                e.GetProperty("doc").GetString()!, e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32(),
                e.GetProperty("quote").GetString()!, e.TryGetProperty("speaker", out var s) ? s.GetString() : null,
                e.GetProperty("statement").GetString()!);
        }).ToList();
}

/// <summary>Pairwise and B-cubed P/R/F1 of predicted statement ids against gold, as ../shared/tools/score_statements.py computes them.</summary>
internal sealed record StatementScore(int Gold, int Matched, double P, double R, double F1, int TruePairs, int PredictedPairs, int GoldPairs,
    double BP, double BR, double BF1)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"matched {Matched}/{Gold}; pairwise P {P:F4} R {R:F4} F1 {F1:F4} (tp {TruePairs}, predicted pairs {PredictedPairs}, gold pairs {GoldPairs}); " +
        $"B-cubed P {BP:F4} R {BR:F4} F1 {BF1:F4}");

    /// <summary>Scores predictions (doc, text, statement id) against the gold; quotes match by text within a doc (token overlap ≥ 0.5).</summary>
    public static StatementScore Compute(IReadOnlyList<GoldStatementQuote> gold, IReadOnlyList<(string Doc, string Text, string? Statement)> predicted)
    {
        var candidates = new List<(double Overlap, int Gold, int Predicted)>();
        var byDoc = predicted.Select((p, i) => (p, i)).GroupBy(x => DocKey(x.p.Doc)).ToDictionary(g => g.Key, g => g.ToList());
        for (var g = 0; g < gold.Count; g++)
        {
            if (!byDoc.TryGetValue(DocKey(gold[g].Doc), out var list))
                continue;
            var goldTokens = Tokens(gold[g].Quote);
            foreach (var (p, i) in list)
            {
                var overlap = Overlap(goldTokens, Tokens(p.Text));
                if (overlap >= 0.5)
                    candidates.Add((overlap, g, i));
            }
        }

        var g2p = new Dictionary<int, int>();
        var used = new HashSet<int>();
        foreach (var (_, g, p) in candidates.OrderByDescending(c => c.Overlap).ThenBy(c => c.Gold).ThenBy(c => c.Predicted))
        {
            if (g2p.ContainsKey(g) || used.Contains(p))
                continue;
            g2p[g] = p;
            used.Add(p);
        }

        var matched = g2p.Keys.Order().ToArray();
        string PredictedId(int g) => predicted[g2p[g]].Statement ?? "\u0000" + g;
        long tp = 0, predictedPairs = 0, goldPairs = 0;
        for (var x = 0; x < matched.Length; x++)
        {
            for (var y = x + 1; y < matched.Length; y++)
            {
                var sameGold = gold[matched[x]].Statement == gold[matched[y]].Statement;
                var samePredicted = PredictedId(matched[x]) == PredictedId(matched[y]);
                goldPairs += sameGold ? 1 : 0;
                predictedPairs += samePredicted ? 1 : 0;
                tp += sameGold && samePredicted ? 1 : 0;
            }
        }

        var precision = predictedPairs == 0 ? 1.0 : (double)tp / predictedPairs;
        var recall = goldPairs == 0 ? 1.0 : (double)tp / goldPairs;
        var goldClusters = matched.GroupBy(g => gold[g].Statement).ToDictionary(c => c.Key, c => c.ToHashSet());
        var predictedClusters = matched.GroupBy(PredictedId).ToDictionary(c => c.Key, c => c.ToHashSet());
        double bp = 0, br = 0;
        foreach (var g in matched)
        {
            var gc = goldClusters[gold[g].Statement];
            var pc = predictedClusters[PredictedId(g)];
            var both = gc.Count(pc.Contains);
            bp += (double)both / pc.Count;
            br += (double)both / gc.Count;
        }

        var n = Math.Max(1, matched.Length);
        return new StatementScore(gold.Count, matched.Length, precision, recall, F(precision, recall), (int)tp, (int)predictedPairs, (int)goldPairs, bp / n, br / n, F(bp / n, br / n));
    }

    private static double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    private static string DocKey(string doc)
    {
        var name = Path.GetFileName(doc);
        return name.EndsWith(".txt", StringComparison.Ordinal) ? name[..^4] : name;
    }

    private static string[] Tokens(string text)
    {
        var clean = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            clean.Append(char.IsLetterOrDigit(c) || c == '_' ? char.ToLowerInvariant(c) : ' ');
        }

        return clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static double Overlap(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
            return 0;
        var (na, nb) = (string.Join(' ', a), string.Join(' ', b));
        if (na.Contains(nb, StringComparison.Ordinal) || nb.Contains(na, StringComparison.Ordinal))
            return (double)Math.Min(a.Length, b.Length) / Math.Max(a.Length, b.Length);
        var counts = a.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var common = 0;
        foreach (var t in b)
        {
            if (counts.TryGetValue(t, out var c) && c > 0)
            {
                common++;
                counts[t] = c - 1;
            }
        }

        if (common == 0)
            return 0;
        var (p, r) = ((double)common / a.Length, (double)common / b.Length);
        return 2 * p * r / (p + r);
    }
}
