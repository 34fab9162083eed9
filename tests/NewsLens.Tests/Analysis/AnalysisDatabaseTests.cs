namespace NewsLens.Tests.Analysis;

public class AnalysisDatabaseTests
{
    [Theory]
    [InlineData(CooccurrenceWindow.Sentence, null, 1)]
    [InlineData(CooccurrenceWindow.Paragraph, null, 1)]
    [InlineData(CooccurrenceWindow.Article, null, 2)]
    [InlineData(CooccurrenceWindow.Sentence, TimeBucket.Month, 1)]
    [InlineData(CooccurrenceWindow.Article, TimeBucket.Quarter, 1)]
    [InlineData(CooccurrenceWindow.Paragraph, TimeBucket.Year, 1)]
    public void CooccurrenceFromShardedFilesEqualsTheInMemoryComputation(CooccurrenceWindow window, TimeBucket? period, int minCount)
    {
        var articles = PipelineTests.InventedCorpus(90).ToArray();
        var output = AnalysisOutput.TempDirectory();
        new Pipeline(new AnalysisOptions { Shard = Shard.Parse("1/2") }).Run(articles, output);
        new Pipeline(new AnalysisOptions { Shard = Shard.Parse("2/2") }).Run(articles, output);
        var options = new CooccurrenceOptions { Window = window, Period = period, MinCount = minCount };

        var expected = Cooccurrence.Compute(articles, new Corpus(articles).Mentions(), options);
        using var db = AnalysisDatabase.Open(output);
        var actual = db.Cooccurrence(options);

        Assert.NotEmpty(expected.Edges);
        Assert.Equal(expected.Windows, actual.Windows);
        Assert.Equal(expected.Edges, actual.Edges);
    }

    [Fact]
    public void CooccurrenceKeepsOnlyTheChosenKindsAndTopPairs()
    {
        var articles = PipelineTests.InventedCorpus(40).ToArray();
        var output = AnalysisOutput.TempDirectory();
        new Pipeline().Run(articles, output);
        var options = new CooccurrenceOptions { Kinds = new HashSet<ActorKind> { ActorKind.Person }, Top = 3, Measure = AssociationMeasure.Count };

        using var db = AnalysisDatabase.Open(output);
        Assert.Equal(Cooccurrence.Compute(articles, new Corpus(articles).Mentions(), options).Edges, db.Cooccurrence(options).Edges);
        Assert.Equal(3, db.Cooccurrence(options).Edges.Count);
    }

    [Fact]
    public void QueryReturnsTypedDataFrameColumns()
    {
        var output = AnalysisOutput.TempDirectory();
        new Pipeline().Run(PipelineTests.InventedCorpus(20), output);
        using var db = AnalysisDatabase.Open(output);

        Assert.Equal(["articles", "sentences", "mentions", "quotes", "cooccurrence", "sentiment", "statements"], db.Tables);
        var frame = db.Query("SELECT id, published, words, sum(words) OVER () AS total, avg(words) OVER () AS mean FROM articles ORDER BY id LIMIT 3");
        Assert.Equal(3, frame.Rows.Count);
        Assert.IsType<Microsoft.Data.Analysis.StringDataFrameColumn>(frame.Columns["id"]);
        Assert.IsType<Microsoft.Data.Analysis.PrimitiveDataFrameColumn<DateTime>>(frame.Columns["published"]);
        Assert.IsType<Microsoft.Data.Analysis.Int32DataFrameColumn>(frame.Columns["words"]);
        Assert.IsType<Microsoft.Data.Analysis.Int64DataFrameColumn>(frame.Columns["total"]); // DuckDB's HUGEINT sum
        Assert.IsType<Microsoft.Data.Analysis.DoubleDataFrameColumn>(frame.Columns["mean"]);
    }

    [Fact]
    public void OpeningAMissingFolderNamesIt()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => AnalysisDatabase.Open("/no/such/newslens-output"));
        Assert.Contains("/no/such/newslens-output", error.Message);
    }
}
