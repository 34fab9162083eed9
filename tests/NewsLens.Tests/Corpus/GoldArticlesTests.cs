using System.Text.Json;
using Xunit.Abstractions;

namespace NewsLens.Tests.CorpusLoading; // not ".Corpus": that would hide the Corpus type from every other test namespace

/// <summary>The loader against the hand-made gold of the seed corpus (Fixtures/gold/seeds.articles.jsonl).</summary>
public class GoldArticlesTests(ITestOutputHelper output)
{
    private sealed record GoldArticle(string File, int Index, string Title, string? Outlet, string? Published, string First, string Last, string[] Boilerplate);

    private static List<GoldArticle> ReadGold() =>
        File.ReadLines(Path.Combine(TestPaths.Gold, "seeds.articles.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => new GoldArticle(
                e.GetProperty("file").GetString()!,
                e.GetProperty("index").GetInt32(),
                e.GetProperty("title").GetString()!,
                e.GetProperty("outlet").GetString(),
                e.GetProperty("published").GetString(),
                e.GetProperty("body_first_words").GetString()!,
                e.GetProperty("body_last_words").GetString()!,
                e.GetProperty("boilerplate_examples").EnumerateArray().Select(b => b.GetString()!).ToArray()))
            .ToList();

    [Fact]
    public void SeedsMatchTheGoldArticles()
    {
        var gold = ReadGold();
        var corpus = Corpus.Load(TestPaths.Seeds);
        var byKey = corpus.ToDictionary(a => (a.File, a.Index));

        int found = 0, titles = 0, dates = 0, firstWords = 0, lastWords = 0, boilerplateInBody = 0;
        var outletByFile = new Dictionary<string, bool>();
        foreach (var g in gold)
        {
            if (!byKey.TryGetValue((g.File, g.Index), out var article))
            {
                output.WriteLine($"MISSING {g.File}#{g.Index} {g.Title}");
                outletByFile[g.File] = false;
                continue;
            }

            found++;
            titles += Count(article.Title == g.Title, $"title {g.File}#{g.Index}: '{article.Title}' vs '{g.Title}'");
            var published = article.Published?.ToString("yyyy-MM-dd");
            dates += Count(published == g.Published, $"date {g.File}#{g.Index}: {published ?? "null"} ({article.DateSource}) vs {g.Published ?? "null"}");
            firstWords += Count(article.Text.Contains(g.First, StringComparison.Ordinal), $"first words missing in {g.File}#{g.Index}: {g.First}");
            lastWords += Count(article.Text.Contains(g.Last, StringComparison.Ordinal), $"last words missing in {g.File}#{g.Index}: {g.Last}");
            foreach (var line in g.Boilerplate)
            {
                if (InBody(article, line))
                {
                    boilerplateInBody++;
                    output.WriteLine($"boilerplate in body of {g.File}#{g.Index}: {line}");
                }
            }

            var outlet = article.Site is null ? article.Outlet : $"{article.Outlet} (via {article.Site})";
            var outletRight = outlet == g.Outlet;
            if (!outletRight)
                output.WriteLine($"outlet {g.File}#{g.Index}: '{outlet ?? "null"}' vs '{g.Outlet}'");
            outletByFile[g.File] = outletByFile.GetValueOrDefault(g.File, true) && outletRight;
        }

        var outlets = outletByFile.Count(p => p.Value);
        output.WriteLine($"articles found {found}/{gold.Count} (loaded {corpus.Count}); titles exact {titles}/{gold.Count}; dates exact-or-null {dates}/{gold.Count}");
        output.WriteLine($"outlet right for {outlets}/{outletByFile.Count} files; body first words {firstWords}/{gold.Count}, last words {lastWords}/{gold.Count}; gold boilerplate lines inside bodies: {boilerplateInBody}");

        Assert.Equal(gold.Count, corpus.Count);
        Assert.Equal(gold.Count, found);
        Assert.Equal(gold.Count, titles);
        Assert.Equal(gold.Count, dates);
        Assert.True(outlets >= 4, $"outlet right for {outlets} of 5 files");
        Assert.Equal(0, boilerplateInBody);
        Assert.Equal(gold.Count, firstWords);
        Assert.Equal(gold.Count, lastWords);
        Assert.Empty(corpus.Diagnostics);
    }

    [Fact]
    public void RelatedStoriesOfAPageLinkToItsMainArticle()
    {
        var corpus = Corpus.Load(TestPaths.Seeds);
        var mains = corpus.Where(a => a.Index == 0).ToDictionary(a => a.File, a => a.Id);
        foreach (var related in corpus.Where(a => a.Index > 0))
            Assert.Equal(mains[related.File], related.ParentId);
        Assert.All(corpus.Where(a => a.Index == 0), a => Assert.Null(a.ParentId));
    }

    [Fact]
    public void IdsAreStableAcrossLoads()
    {
        var first = Corpus.Load(TestPaths.Seeds).Select(a => a.Id).ToList();
        var second = Corpus.Load(TestPaths.Seeds).Select(a => a.Id).ToList();
        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    private int Count(bool ok, string failure)
    {
        if (!ok)
            output.WriteLine(failure);
        return ok ? 1 : 0;
    }

    // Short boilerplate ("logo", "Russia Today") must not be a paragraph of its own; longer lines must not appear anywhere.
    private static bool InBody(Article article, string boilerplate)
    {
        var line = boilerplate.Replace("**", "").Trim().TrimStart('•', '*', '-', ' ');
        if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3)
            return article.Text.Contains(line, StringComparison.Ordinal);
        return article.Paragraphs.Any(p => article[p].Trim() == line);
    }
}
