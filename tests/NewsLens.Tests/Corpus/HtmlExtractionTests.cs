using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace NewsLens.Tests.CorpusLoading; // not ".Corpus": that would hide the Corpus type from every other test namespace

/// <summary>
/// Main text of HTML pages: DOM cleaning, the block-scoring fallback, scripts without spaces, date sanity and
/// language; and the figures on the article-extraction benchmark's development half (../shared).
/// </summary>
public class HtmlExtractionTests(ITestOutputHelper output)
{
    private const string Dev = "corpora/article-extraction-dev";

    private const string Story =
        "The city council approved the new budget on Tuesday after a long debate that lasted well into the night, the mayor said in a statement to reporters.";

    private const string Second =
        "Opposition members criticised the plan, saying it raised taxes without improving local services, and promised to fight it in the next session.";

    private const string Third =
        "The budget takes effect in January, when the first of the new services are due to start across the city and its suburbs, officials said.";

    /// <summary>F1, precision, recall as the benchmark's evaluate.py computes them; the floor guards against regressions.</summary>
    [SharedDataFact(Dev)]
    public void DevelopmentHalfScoresAtLeastTheBestOpenExtractors()
    {
        var folder = TestPaths.SharedPath(Dev);
        var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "ground-truth.json"))).RootElement
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("articleBody").GetString() ?? "");
        var texts = Corpus.Load(Path.Combine(folder, "html")).Where(a => a.Index == 0)
            .ToDictionary(a => Path.GetFileNameWithoutExtension(a.File), a => a.Text);
        var score = ExtractionScore.Of(gold, texts);
        var lost = gold.Where(g => g.Value.Length > 0 && texts.GetValueOrDefault(g.Key, "").Length == 0).Select(g => g.Key).ToList();
        var code = texts.Where(t => ScriptText.IsMatch(t.Value)).Select(t => t.Key).ToList();
        output.WriteLine($"article-extraction-dev, {gold.Count} pages: F1 {score.F1:0.000}, precision {score.Precision:0.000}, recall {score.Recall:0.000}, " +
                         $"exact {score.Accuracy:0.000}; pages lost {lost.Count}; pages with script text {code.Count}");
        output.WriteLine("peers on this half: rs_trafilatura 0.969, trafilatura 2.0.0 0.963, newspaper4k 0.950, Readability.js 0.950");
        foreach (var page in lost.Concat(code))
            output.WriteLine("  " + page);
        Assert.Empty(lost);
        Assert.Empty(code);
        Assert.True(score.F1 >= 0.97, $"F1 {score.F1:0.000} is below the floor of 0.97");
    }

    [Fact]
    public void SubheadingsListsTablesAndQuotesAreLinesOfTheStory()
    {
        var article = LoadOne($"""
            <html><head><title>Budget passes</title></head><body><article>
            <p>{Story}</p>
            <h2>What changes</h2>
            <ul><li>Bus fares fall by a tenth</li><li>Libraries open on Sundays</li></ul>
            <blockquote>We kept every promise we made on services.</blockquote>
            <table><tr><th>Item</th><th>Cost</th></tr><tr><td>Buses</td><td>4 million</td></tr></table>
            <p>{Second}</p><p>{Third}</p>
            </article></body></html>
            """);
        Assert.Equal(
            [Story, "What changes", "Bus fares fall by a tenth", "Libraries open on Sundays", "We kept every promise we made on services.",
             "Item | Cost", "Buses | 4 million", Second, Third],
            article.Paragraphs.Select(p => article[p]));
    }

    [Fact]
    public void APhraseInTheBodyNeverEndsTheStoryButARelatedWidgetIsDropped()
    {
        var removed = new List<RemovedLine>();
        var article = LoadOne($"""
            <html><head><title>Budget passes</title></head><body><article>
            <p>{Story}</p>
            <p>Read more about the budget below.</p>
            <p>{Second}</p>
            <div class="share-bar"><a href="/fb">Share on Facebook</a> <a href="/x">Share on X</a></div>
            <p>{Third}</p>
            <div class="related-stories"><h3>Related news</h3><ul><li><a href="/a">Mayor faces vote</a></li><li><a href="/b">Taxes rise again</a></li></ul></div>
            </article></body></html>
            """, new LoadOptions { OnRemovedLine = removed.Add });
        Assert.Equal([Story, "Read more about the budget below.", Second, Third], article.Paragraphs.Select(p => article[p]));
        Assert.DoesNotContain("Share on", article.Text);
        Assert.Contains(removed, r => r.Text == "Related news" && r.Reason == RemovalReason.Teaser);
        Assert.Contains(removed, r => r.Text == "Mayor faces vote" && r.Reason == RemovalReason.Teaser);
    }

    [Fact]
    public void WithoutReadableContentTheBestBlockIsTakenNeverScriptsOrMenus()
    {
        // Too short for readability; the block scorer finds the story among menus, a script and a JSON blob.
        var article = LoadOne($$"""
            <html><head><title>Stabbing in Berlin</title></head><body>
            <div class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/latest">Latest</a></div>
            <div class="page"><div class="col">
              <div class="story-body">{{Story}}<div class="spacer"></div>Police arrested a man at the scene.<br>
              <script>googletag.cmd.push(function() { googletag.display('ad-1'); });</script></div>
            </div></div>
            <div>{"@context":"https://schema.org","@type":"NewsArticle","headline":"x"}</div>
            <ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul>
            </body></html>
            """);
        Assert.Equal([Story, "Police arrested a man at the scene."], article.Paragraphs.Select(p => article[p]));
    }

    [Fact]
    public void JapaneseParagraphsAreKeptAndCountedByCharacter()
    {
        const string first = "東京都は十八日、新しい図書館を来年春に開くと発表した。建設費は約二十億円で、地域の住民から多くの要望が寄せられていた。";
        const string second = "図書館には子ども向けの広いスペースが設けられ、週末には読み聞かせの会も開かれる予定だという。";
        var article = LoadOne($"<html lang=\"ja\"><head><title>新図書館</title></head><body><article><p>{first}</p><h2>子ども向け</h2><p>{second}</p></article></body></html>");
        Assert.Equal([first, "子ども向け", second], article.Paragraphs.Select(p => article[p]));
        Assert.Equal("ja", article.Language);
        Assert.True(article.Words > 80, $"{article.Words} words: each character of a script without spaces counts");
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00", "https://example.com/2019/11/18/story", "2019-11-18", "url")]
    [InlineData("2999-01-01T00:00:00Z", "https://example.com/story", null, "none")]
    [InlineData("1970-01-01", "https://example.com/20191118-story", "2019-11-18", "url")]
    [InlineData("2019-11-18T23:30:00-05:00", "https://example.com/2019/11/19/story", "2019-11-18", "metadata")]
    public void ImpossibleDatesFallBackToTheNextSource(string meta, string url, string? expected, string source)
    {
        var article = LoadOne($"""
            <html><head><meta property="article:published_time" content="{meta}"><link rel="canonical" href="{url}"></head>
            <body><article><p>{Story}</p><p>{Second}</p></article></body></html>
            """);
        Assert.Equal(expected, article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(source, article.DateSource.ToString().ToLowerInvariant());
    }

    [Fact]
    public void TheTimestampKeepsThePagesTimeZone()
    {
        var article = LoadOne($"""
            <html><head><meta property="article:published_time" content="2019-11-18T23:30:00-05:00"></head>
            <body><article><p>{Story}</p></article></body></html>
            """);
        Assert.Equal(new DateOnly(2019, 11, 18), article.Published);
        Assert.Equal("2019-11-18T23:30:00-05:00", article.PublishedAt);
    }

    [Fact]
    public void JsonLdPlaceholderDateGivesWayToTheVisibleDate()
    {
        var article = LoadOne($$"""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget passes","datePublished":"0001-01-01T00:00:00"}</script></head>
            <body><article><h1>Budget passes</h1><p>By Jane Doe</p><p>13 June 2023</p><p>{{Story}}</p><p>{{Second}}</p></article></body></html>
            """);
        Assert.Equal(new DateOnly(2023, 6, 13), article.Published);
        Assert.Equal(DateSource.Explicit, article.DateSource);
        Assert.Equal("Jane Doe", article.Author);
        Assert.StartsWith(Story, article.Text);
    }

    [Theory]
    [InlineData("Le conseil municipal a approuvé mardi le nouveau budget après un long débat qui a duré toute la nuit, a déclaré le maire dans un communiqué.", "fr")]
    [InlineData("Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen, die bis in die Nacht dauerte, sagte der Bürgermeister.", "de")]
    [InlineData("El ayuntamiento aprobó el martes el nuevo presupuesto después de un largo debate que duró toda la noche, dijo el alcalde en un comunicado.", "es")]
    [InlineData("Городской совет во вторник утвердил новый бюджет после долгих дебатов, которые продолжались всю ночь, сказал мэр в заявлении.", "ru")]
    [InlineData(Story, "en")]
    public void LanguageIsDetectedFromTheText(string text, string language)
    {
        var article = LoadOne($"<html lang=\"en\"><body><article><p>{text}</p><p>{text}</p></article></body></html>");
        Assert.Equal(language, article.Language);
    }

    private static Article LoadOne(string html, LoadOptions? options = null)
    {
        using var folder = new TempFolder();
        folder.Write("page.html", html);
        return Assert.Single(Corpus.Load(folder.Path, options));
    }

    private static readonly Regex ScriptText = new(
        @"googletag|adsbygoogle|function\s*\(|\}\s*\)\s*;|""@context""|\bvar\s+\w+\s*=|document\.(write|getElementById|createElement)|window\.\w+\s*=",
        RegexOptions.NonBacktracking);
}

/// <summary>The article-extraction-benchmark's metric (evaluate.py, as ../shared/tools/score_extraction.py reproduces it).</summary>
internal sealed record ExtractionScore(double Precision, double Recall, double F1, double Accuracy)
{
    /// <summary>Tokens are runs of \w (Python's: letters, digits, underscore); 4-token shingles compared as multisets per page.</summary>
    public static ExtractionScore Of(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        var precision = new List<double>();
        var recall = new List<double>();
        var exact = 0;
        foreach (var (key, truth) in gold)
        {
            var got = predicted.GetValueOrDefault(key, "");
            var (t, p) = (Shingles(truth), Shingles(got));
            var tp = t.Sum(kv => Math.Min(kv.Value, p.GetValueOrDefault(kv.Key)));
            var fp = p.Values.Sum() - tp;
            var fn = t.Values.Sum() - tp;
            if (tp + fp > 0)
                precision.Add((double)tp / (tp + fp));
            else if (fn == 0)
                precision.Add(1);
            if (tp + fn > 0)
                recall.Add((double)tp / (tp + fn));
            exact += Tokens(truth).SequenceEqual(Tokens(got)) ? 1 : 0;
        }

        var (pr, re) = (precision.Count > 0 ? precision.Average() : 0, recall.Count > 0 ? recall.Average() : 0);
        return new ExtractionScore(pr, re, pr + re > 0 ? 2 * pr * re / (pr + re) : 0, (double)exact / gold.Count);
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokens(text);
        var shingles = new Dictionary<string, int>();
        for (var i = 0; i < Math.Max(1, tokens.Count - 3); i++)
        {
            if (i >= tokens.Count)
                break;
            var key = string.Join('\u0001', tokens.Skip(i).Take(4));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || rune.Value == '_' || Rune.GetUnicodeCategory(rune) is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber)
            {
                current.Append(rune.ToString());
                continue;
            }

            if (current.Length > 0)
                tokens.Add(current.ToString());
            current.Clear();
        }

        if (current.Length > 0)
            tokens.Add(current.ToString());
        return tokens;
    }
}
