namespace NewsLens.Tests.Sentiment;

/// <summary>Actor roll-ups on an invented corpus, computed by hand.</summary>
/// <remarks>
/// Compounds: "Putin is good." 0.4404, "Macron is bad." -0.5423, "Putin met Macron." 0, "Putin said the talks were
/// great." 0.6249; quotes: "We will win." 0.5859, "This is a terrible, terrible idea." -0.7351.
/// </remarks>
public sealed class ActorSentimentTests
{
    private const double T1 = 12.706205;

    private static readonly Article[] Articles =
    [
        Article.FromText("Putin is good. Macron is bad. Putin met Macron.", "a", published: new DateOnly(2024, 1, 10)),
        Article.FromText("Putin said the talks were great.", "b", published: new DateOnly(2024, 2, 5)),
        Article.FromText("Macron is bad.", "c"),
    ];

    private static readonly (string, int, string)[] Mentions =
    [
        ("a", 0, "Putin"), ("a", 0, "Putin"), ("a", 1, "Macron"), ("a", 2, "Putin"), ("a", 2, "Macron"),
        ("b", 0, "Putin"), ("c", 0, "Macron"),
    ];

    private static readonly (string, string?, string)[] Quotes =
    [
        ("b", "Putin", "We will win."),
        ("b", "Putin", "This is a terrible, terrible idea. We will win."),
        ("a", null, "Good."),
        ("a", "Le Pen", "We will win."),
    ];

    [Fact]
    public void MentioningSentencesCountOncePerActor()
    {
        var actors = Articles.Sentiment().ByActor(Mentions, Quotes);

        Assert.Equal(["Putin", "Macron", "Le Pen"], actors.Select(a => a.Actor));
        var putin = actors[0];
        Assert.Equal((2, 3), (putin.Articles, putin.Sentences)); // a0 (named twice), a2, b0
        Assert.Equal((0.4404 + 0 + 0.6249) / 3, putin.MeanCompound!.Value, 12);
        Assert.Equal((2 / 3.0, 0.0, 1 / 3.0), (putin.SharePositive!.Value, putin.ShareNegative!.Value, putin.ShareNeutral!.Value));
        var macron = actors[1];
        Assert.Equal((-0.5423 + 0 - 0.5423) / 3, macron.MeanCompound!.Value, 12);
        Assert.Equal(0, macron.Quotes);
        Assert.Null(macron.QuoteMeanCompound);
    }

    [Fact]
    public void QuotesScoreSeparatelyOnePerQuote()
    {
        var actors = Articles.Sentiment().ByActor(Mentions, Quotes);

        var putin = actors[0];
        var second = (-0.7351 + 0.5859) / 2; // a two-sentence quote weighs once, with its mean
        Assert.Equal(2, putin.Quotes);
        Assert.Equal((0.5859 + second) / 2, putin.QuoteMeanCompound!.Value, 12);
        var margin = T1 * Math.Abs(0.5859 - second) / 2;
        Assert.Equal((0.5859 + second) / 2 - margin, putin.QuoteCiLow!.Value, 9);
        var lePen = actors[2];
        Assert.Equal((0, 1), (lePen.Sentences, lePen.Quotes)); // quoted, never mentioned: no sentence statistics
        Assert.Null(lePen.MeanCompound);
        Assert.Equal(0.5859, lePen.QuoteMeanCompound);
    }

    [Fact]
    public void ActorTableHasTheDocumentedColumns()
    {
        var frame = Articles.Sentiment().ByActor(Mentions, Quotes).ToDataFrame();

        Assert.Equal(
            ["actor", "articles", "sentences", "mean_compound", "ci_low", "ci_high", "share_positive", "share_negative", "share_neutral",
                "quotes", "quote_mean_compound", "quote_ci_low", "quote_ci_high"],
            frame.Columns.Select(c => c.Name));
        Assert.Equal(3, frame.Rows.Count);
    }

    [Fact]
    public void ActorSeriesDateMentioningSentencesAndCountUndated()
    {
        var series = Articles.Sentiment().ActorsOverTime(
            Mentions.Select(m => new Mention(m.Item1, 0, m.Item2, m.Item3, ActorKind.Person, m.Item3, 0, 0, MentionSource.Catalog)),
            TimeBucket.Month);

        Assert.Equal("actor", series.GroupedBy);
        Assert.Equal(
            [("Macron", "2024-01", 2), ("Macron", "2024-02", 0), ("Putin", "2024-01", 2), ("Putin", "2024-02", 1)],
            series.Buckets.Select(b => (b.Group, b.Period, b.Count)));
        Assert.Equal((0.4404 + 0) / 2, series.Buckets[2].MeanCompound!.Value, 12);
        Assert.Equal((1, 1), (series.UndatedArticles, series.UndatedSentences)); // "Macron is bad." in undated c
        Assert.Equal("actor", series.ToDataFrame().Columns[0].Name);
    }

    [Fact]
    public void MentionsOfUnknownArticlesAreRejected()
    {
        var result = Articles.Sentiment();

        var error = Assert.Throws<ArgumentException>(() => result.ByActor([("zzz", 0, "Putin")], []));
        Assert.Contains("'zzz'", error.Message);
        Assert.Throws<ArgumentException>(() => result.ByActor([("b", 5, "Putin")], []));
    }

    [Fact]
    public void TakesQuoteRecordsAndSkipsUnattributedOnes()
    {
        var mentions = Mentions.Select(m => new Mention(m.Item1, 0, m.Item2, m.Item3, ActorKind.Person, m.Item3, 0, 0, MentionSource.Catalog));
        var quotes = Quotes.Select(q => new Quote(q.Item1, q.Item1, q.Item2, null, SpeakerResolution.Name, "said", q.Item3, QuoteKind.Full, 0, 0, 0, 1));

        var actors = Articles.Sentiment().ByActor(mentions, quotes);

        Assert.Equal([2, 0, 1], actors.Select(a => a.Quotes));
        Assert.Equal(Articles.Sentiment().ByActor(Mentions, Quotes), actors);
    }

    [Fact]
    public void QuotesFoundInTheCorpusCountForTheirSpeaker()
    {
        var corpus = new Corpus([Article.FromText("\"We will win,\" Vladimir Putin said. The weather was bad.", "q", published: new DateOnly(2024, 5, 1))]);

        var putin = Assert.Single(corpus.Sentiment().ByActor(corpus.Mentions(), corpus.Quotes()), a => a.Actor == "Vladimir Putin");

        Assert.Equal(1, putin.Quotes);
        Assert.Equal(Vader.Default.Score("We will win,").Compound, putin.QuoteMeanCompound);
    }

    [Fact]
    public void WorksWithTheActorRecognizer()
    {
        var corpus = new Corpus([Article.FromText("Vladimir Putin is good. Nobody else spoke.", "x")]);

        var actors = corpus.Sentiment().ByActor(corpus.Mentions());

        var putin = Assert.Single(actors, a => a.Actor == "Vladimir Putin");
        Assert.Equal(1, putin.Sentences);
        Assert.Equal(Vader.Default.Score("Vladimir Putin is good.").Compound, putin.MeanCompound);
    }
}
