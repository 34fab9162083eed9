namespace NewsLens.Tests.Analysis;

public class PipelineBenchmarkTests
{
    [Fact]
    public void MeasuresStagesPipelineAndScale()
    {
        var figures = PipelineBenchmark.Run(new BenchmarkOptions { Input = TestPaths.Seeds, Repeat = 3, Threads = 2 });

        Assert.Equal(
            ["load", "actors", "quotes", "sentiment", "cooccurrence", "all stages", "pipeline 1×", "pipeline 1×", "pipeline 3×", "pipeline 3×"],
            figures.Select(f => f.Name));
        Assert.All(figures, f => Assert.True(f.Seconds > 0 && f.Megabytes > 0 && f.AllocatedMegabytes > 0, f.Name));
        var once = figures.First(f => f.Name == "pipeline 1×");
        var thrice = figures.First(f => f.Name == "pipeline 3×");
        Assert.Equal(3 * once.Articles, thrice.Articles);
        Assert.Equal(3 * once.Megabytes, thrice.Megabytes, 6);
        Assert.Equal([1, 2], figures.Where(f => f.Name == "pipeline 1×").Select(f => f.Threads));
        Assert.Equal(11, PipelineBenchmark.ToDataFrame(figures).Columns.Count);
        Assert.Contains("load", thrice.StageSeconds!.Keys);
    }
}
