using Xunit.Abstractions;

namespace NewsLens.Tests.Actors;

/// <summary>
/// One notion of a person across the library: every speaker that quotes attribute to a person is also a person mention
/// of that article in <c>mentions</c>, under the same canonical name. Checked on the seeds and on every corpus in
/// ../shared (the first articles of the large ones), skipping those that are absent.
/// </summary>
public class SpeakersAreMentionsTests(ITestOutputHelper output)
{
    private const int Articles = 1500;

    // Reached: seeds 0 %, people-dev 1.6 %, ukraine-media 4.2 %, bbc-news 5.9 %, polnear-dev 6.9 %, reuters 12.2 %, article-extraction-dev 15.4 %.
    private const double MaxUntyped = 0.20;

    [Fact]
    public void Seeds() => Check("seeds", Corpus.Stream(TestPaths.Seeds));

    [SharedDataFact("corpora/people-dev/texts")]
    public void PeopleDev() => Check("people-dev", Corpus.Stream(TestPaths.SharedPath("corpora/people-dev/texts")));

    [SharedDataFact("corpora/polnear-dev/texts")]
    public void PolnearDev() => Check("polnear-dev", Corpus.Stream(TestPaths.SharedPath("corpora/polnear-dev/texts")));

    [SharedDataFact("corpora/bbc-news")]
    public void BbcNews() => Check("bbc-news", Corpus.Stream(TestPaths.SharedPath("corpora/bbc-news")));

    [SharedDataFact("corpora/ukraine-media-2022/articles.jsonl")]
    public void UkraineMedia() => Check("ukraine-media-2022", Corpus.Stream(TestPaths.SharedPath("corpora/ukraine-media-2022/articles.jsonl")));

    [SharedDataFact("corpora/reuters21578/reuters21578.jsonl")]
    public void Reuters() => Check("reuters21578", Corpus.Stream(TestPaths.SharedPath("corpora/reuters21578/reuters21578.jsonl")));

    [SharedDataFact("corpora/article-extraction-dev/html")]
    public void ArticleExtractionDev() => Check("article-extraction-dev", Corpus.Stream(TestPaths.SharedPath("corpora/article-extraction-dev/html")));

    private static bool LooksLikeAPerson(string speaker) =>
        speaker.Contains(' ') && PersonCues.Default.IsFirstName(ActorText.FoldedWords(speaker)[0]);

    private void Check(string name, IEnumerable<Article> articles)
    {
        var recognizer = new ActorRecognizer();
        var options = QuoteOptions.Default with { Actors = recognizer };
        int count = 0, speakers = 0, named = 0;
        var missing = new List<string>();
        var untyped = new List<string>();
        foreach (var article in articles.Take(Articles))
        {
            count++;
            var mentions = recognizer.Recognize(article);
            var people = mentions.Where(m => m.Kind == ActorKind.Person).Select(m => m.Actor).ToHashSet(StringComparer.Ordinal);
            foreach (var quote in QuoteExtractor.Extract(article, mentions, options))
            {
                if (quote.Speaker is not { } speaker)
                    continue;
                if (quote.SpeakerKind == SpeakerKind.Person)
                {
                    speakers++;
                    if (!people.Contains(speaker))
                        missing.Add($"{article.Id}: {speaker} ('{quote.SpeakerMention}', {quote.Rule})");
                }
                else if (quote.SpeakerKind == SpeakerKind.Unknown && LooksLikeAPerson(speaker))
                {
                    named++;
                    untyped.Add($"{article.Id}: {speaker} ('{quote.SpeakerMention}', {quote.Rule})");
                }
            }
        }

        // The coverage figure: speakers named by attribution's own name runs, opening with a given name, that the
        // recognizer did not take for a person: people it missed ("Shawn Burns"), or firms with a given name.
        var share = (double)named / Math.Max(1, speakers + named);
        output.WriteLine($"{name}: {count} articles, {speakers} quotes attributed to a person, {missing.Count} of them to no person mention; "
                         + $"{named} more to a speaker that is no actor mention ({share:P1})");
        foreach (var m in missing.Take(40))
            output.WriteLine("  missing: " + m);
        foreach (var m in untyped.Take(25))
            output.WriteLine("  untyped: " + m);
        Assert.True(count > 0, $"{name}: no article loaded");
        Assert.Empty(missing);
        Assert.True(share <= MaxUntyped, $"{name}: {share:P1} of named speakers are no actor mention (ceiling {MaxUntyped:P0})");
    }
}
