namespace NewsLens.Tests.Analysis;

// Expected values are worked out by hand from the window tables in the comments (log base 2 for PMI, natural log for G²).
public class CooccurrenceTests
{
    // Article 1, sentences: s0 {Macron, Merkel}, s1 {Putin}, s2 {Merkel, Putin}, s3 {Macron, Putin}; paragraphs: both hold all three.
    // Article 2, one sentence and paragraph: {Putin, Xi}.
    private static readonly Corpus Corpus = new([
        Article.FromText("Macron met Merkel. Putin stayed home.\n\nMerkel called Putin. Macron and Putin spoke.", "a1", published: new DateOnly(2024, 1, 15)),
        Article.FromText("Putin met Xi Jinping.", "a2", published: new DateOnly(2024, 5, 2)),
    ]);

    private const string Macron = "Emmanuel Macron", Merkel = "Angela Merkel", Putin = "Vladimir Putin", Xi = "Xi Jinping";

    private static CooccurrenceEdge Edge(CooccurrenceTable table, string a, string b) =>
        Assert.Single(table.Edges, e => e.A == a && e.B == b);

    [Theory]
    // Sentence windows, N = 5. Merkel–Macron: k=1, a=2, b=2 → PMI log2(5/4); NPMI PMI/log2(5); Jaccard 1/3;
    // G² over cells (1, 1, 1, 2) with expected (0.8, 1.2, 1.2, 1.8).
    [InlineData(CooccurrenceWindow.Sentence, Merkel, Macron, 1, 2, 2, 5, 0.321928, 0.138647, 0.333333, 0.138443)]
    // Macron–Putin: k=1, a=2, b=4 → PMI log2(5/8); Jaccard 1/5; cells (1, 1, 3, 0) vs (1.6, 0.4, 2.4, 0.6).
    [InlineData(CooccurrenceWindow.Sentence, Macron, Putin, 1, 2, 4, 5, -0.678072, -0.29203, 0.2, 2.231436)]
    [InlineData(CooccurrenceWindow.Sentence, Putin, Xi, 1, 4, 1, 5, 0.321928, 0.138647, 0.25, 0.505343)]
    // Paragraph windows, N = 3: Merkel–Macron in both paragraphs of article 1: PMI log2(2·3/4); p = 2/3 so NPMI = 0.584963/0.584963 = 1.
    [InlineData(CooccurrenceWindow.Paragraph, Merkel, Macron, 2, 2, 2, 3, 0.584963, 1.0, 1.0, 3.819085)]
    // Macron–Putin: k=2, a=2, b=3 → PMI log2(6/6) = 0; independent, G² = 0.
    [InlineData(CooccurrenceWindow.Paragraph, Macron, Putin, 2, 2, 3, 3, 0.0, 0.0, 0.666667, 0.0)]
    // Article windows, N = 2: Merkel–Macron only in a1: PMI log2(2) = 1; NPMI 1/1; G² = 2·(1·ln 2 + 1·ln 2).
    [InlineData(CooccurrenceWindow.Article, Merkel, Macron, 1, 1, 1, 2, 1.0, 1.0, 1.0, 2.772589)]
    [InlineData(CooccurrenceWindow.Article, Putin, Xi, 1, 2, 1, 2, 0.0, 0.0, 0.5, 0.0)]
    public void CountsAndMeasuresMatchHandComputedValues(
        CooccurrenceWindow window, string a, string b, int count, int aCount, int bCount, int n, double pmi, double npmi, double jaccard, double g2)
    {
        var table = Corpus.Cooccurrence(new CooccurrenceOptions { Window = window });
        var edge = Edge(table, a, b);
        Assert.Equal((count, aCount, bCount, n), (edge.Count, edge.ACount, edge.BCount, edge.Windows));
        Assert.Equal(pmi, edge.Pmi, 1e-5);
        Assert.Equal(npmi, edge.Npmi, 1e-5);
        Assert.Equal(jaccard, edge.Jaccard, 1e-5);
        Assert.Equal(g2, edge.G2, 1e-5);
    }

    [Fact]
    public void SentenceWindowsListEveryPairOnce()
    {
        var table = Corpus.Cooccurrence();
        Assert.Equal(4, table.Edges.Count); // Merkel–Macron, Merkel–Putin, Macron–Putin, Putin–Xi
        Assert.Equal(5, table.Windows[""]);
        Assert.Equal([0.138647, 0.138647, -0.29203, -0.29203], table.Edges.Select(e => Math.Round(e.Npmi, 6)));
    }

    [Fact]
    public void MinCountAndTopFilterEdges()
    {
        var paragraph = Corpus.Cooccurrence(new CooccurrenceOptions { Window = CooccurrenceWindow.Paragraph, MinCount = 2 });
        Assert.Equal(3, paragraph.Edges.Count); // the three pairs of article 1 (2 paragraphs each); Putin–Xi has 1
        var top = Corpus.Cooccurrence(new CooccurrenceOptions { Measure = AssociationMeasure.G2, Top = 1 });
        var edge = Assert.Single(top.Edges);
        Assert.Equal(2.231436, edge.G2, 1e-5);
    }

    [Fact]
    public void KindsFilterLeavesOutOtherActors()
    {
        var corpus = new Corpus([Article.FromText("Putin and Macron met in Paris.", "k")]);
        Assert.Equal(3, corpus.Cooccurrence().Edges.Count);
        var people = corpus.Cooccurrence(new CooccurrenceOptions { Kinds = new HashSet<ActorKind> { ActorKind.Person } });
        var edge = Assert.Single(people.Edges);
        Assert.Equal((Macron, Putin), (edge.A, edge.B));
    }

    [Fact]
    public void PeriodsSliceByPublicationDate()
    {
        var corpus = new Corpus([.. Corpus, Article.FromText("Putin met Xi Jinping again.", "a3")]);
        var table = corpus.Cooccurrence(new CooccurrenceOptions { Window = CooccurrenceWindow.Article, Period = TimeBucket.Quarter });
        Assert.Equal(["2024-Q1", "2024-Q2", "undated"], table.Windows.Keys.Order());
        var q2 = Assert.Single(table.Edges, e => e.Period == "2024-Q2");
        Assert.Equal((Putin, Xi, 1, 1), (q2.A, q2.B, q2.Count, q2.Windows));
        Assert.Equal(3, table.Edges.Count(e => e.Period == "2024-Q1"));
        Assert.Equal("period", table.ToDataFrame().Columns[0].Name);
    }

    [Fact]
    public void EdgeListHasTheDocumentedColumns()
    {
        var frame = Corpus.Cooccurrence().ToDataFrame();
        Assert.Equal(["a", "b", "count", "a_count", "b_count", "npmi", "pmi", "jaccard", "g2"], frame.Columns.Select(c => c.Name));
        Assert.Equal(4, frame.Rows.Count);
    }

    [Fact]
    public void MatrixIsSquareAndSymmetric()
    {
        var matrix = Corpus.Cooccurrence().ToMatrix(AssociationMeasure.Count);
        string[] actors = [Putin, Merkel, Macron, Xi]; // by total co-occurrence count, then name
        Assert.Equal(actors, matrix.Columns["actor"].Cast<string>());
        Assert.Equal(["actor", .. actors], matrix.Columns.Select(c => c.Name));
        for (var i = 0; i < actors.Length; i++)
        {
            for (var j = 0; j < actors.Length; j++)
                Assert.Equal(matrix.Columns[actors[j]][i], matrix.Columns[actors[i]][j]);
        }

        Assert.Equal(4.0, matrix.Columns[Putin][0]); // Putin's own sentence count on the diagonal
        Assert.Equal(0.0, matrix.Columns[Xi][2]); // Macron and Xi never together
        Assert.True(double.IsNaN((double)Corpus.Cooccurrence().ToMatrix().Columns[Putin][0]!));
    }
}
