namespace NewsLens.Tests.Statements;

/// <summary>How a statement's wordings are compared with its fullest rendering, and shown as a word-level diff.</summary>
public class StatementVariantsTests
{
    private const string Full = "We will rebuild every bridge and every school in the region before winter.";

    [Theory]
    [InlineData("We will rebuild every bridge and every school in the region before winter", VariantKind.Verbatim)]
    [InlineData("rebuild every bridge", VariantKind.Fragment)]
    [InlineData("We will rebuild each bridge and every school in the region before winter", VariantKind.Reworded)]
    [InlineData("Before the cold comes, all crossings and classrooms of the area are to be restored", VariantKind.Retranslated)]
    public void EachWordingIsClassifiedAgainstTheFullest(string rendering, VariantKind kind) =>
        Assert.Equal(kind, StatementVariants.Compare(Full, rendering).Kind);

    [Fact]
    public void AChangedWordIsMarkedAndTheWordItReplacedStruckThrough()
    {
        var html = StatementVariants.DiffHtml(Full, "We will rebuild each bridge and every school in the region before winter");
        Assert.Contains(">each</ins>", html, StringComparison.Ordinal);
        Assert.Contains(">every</del>", html, StringComparison.Ordinal);
        Assert.StartsWith("We will rebuild", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AFragmentShowsTheCutAsEllipsesNotAsStruckWords()
    {
        var html = StatementVariants.DiffHtml(Full, "“rebuild every bridge”");
        Assert.Equal("… “rebuild every bridge” …", html);
    }

    [Fact]
    public void ALongRunLeftOutInTheMiddleIsOneMarker()
    {
        var html = StatementVariants.DiffHtml(Full, "We will rebuild every bridge before winter.");
        Assert.Contains(">[… 6 words]</del>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">school</del>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStatementTableListsEveryWordingWithWhereItWasFirstSeen()
    {
        var renderings = new[]
        {
            new StatementRendering("a", "Outlet <A>", new DateOnly(2024, 5, 6), "Anna Berg", Full, 0, Full.Length),
            new StatementRendering("b", "Outlet B", new DateOnly(2024, 5, 7), "Anna Berg", "rebuild every bridge", 0, 20),
        };
        var statement = new Statement("st-1", "Anna Berg", Full, new DateOnly(2024, 5, 6), "Outlet <A>", "a", 2, ["Outlet <A>", "Outlet B"], renderings);
        var html = statement.ToHtml();
        Assert.Contains("Outlet &lt;A&gt;, 2024-05-06", html, StringComparison.Ordinal); // encoded
        Assert.Contains("Outlet B, 2024-05-07", html, StringComparison.Ordinal);
        Assert.Contains(">fragment<", html, StringComparison.Ordinal);
        Assert.Contains(">verbatim<", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<tr>").Length - 2); // header row + one row per wording
    }
}
