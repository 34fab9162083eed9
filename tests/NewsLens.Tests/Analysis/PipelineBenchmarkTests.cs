namespace NewsLens.Tests.Analysis;

public class PipelineBenchmarkTests
{
    [Theory]
    [InlineData(new[] { 3.0 }, 0)]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2)]
    [InlineData(new[] { 5.0, 1.0, 9.0, 2.0 }, 3)] // the lower middle of an even count
    [InlineData(new[] { 2.0, 2.0, 2.0 }, 1)]
    public void StagesReportTheirMedianPass(double[] seconds, int median) =>
        Assert.Equal(median, PipelineBenchmark.MedianIndex(seconds));

    [Fact]
    public void EachStageComesFromOneOfItsPasses()
    {
        var figures = PipelineBenchmark.Run(new BenchmarkOptions { Input = TestPaths.Seeds, Parts = BenchmarkParts.Stages, StagePasses = 3 });
        Assert.Equal(["load", "actors", "quotes", "sentiment", "cooccurrence", "all stages"], figures.Select(f => f.Name));
        var all = figures.Single(f => f.Name == "all stages");
        Assert.All(figures.Where(f => f.Name is not "load" and not "all stages"), f =>
        {
            Assert.True(f.Seconds > 0 && f.AllocatedMegabytes > 0, f.Name);
            Assert.Equal(all.Articles, f.Articles);
        });
    }

    [Fact]
    public void MeasuresStagesPipelineAndScale()
    {
        var figures = PipelineBenchmark.Run(new BenchmarkOptions { Input = TestPaths.Seeds, Repeat = 3, Threads = 2, Rounds = 2 });

        Assert.Equal(
            ["load", "actors", "quotes", "sentiment", "cooccurrence", "all stages", "pipeline 1×", "pipeline 1×", "pipeline 3×", "pipeline 3×", "pipeline 3×", "pipeline 3×"],
            figures.Select(f => f.Name));
        Assert.Equal([1, 1, 2, 2], figures.Where(f => f.Name == "pipeline 3×").Select(f => f.Round));
        Assert.All(figures.Where(f => f.Name.StartsWith("pipeline", StringComparison.Ordinal) || f.Name is "load" or "all stages"),
            f => Assert.True(f.CpuSeconds > 0, f.Name));
        Assert.Null(figures.First(f => f.Name == "actors").CoresUsed);
        Assert.All(figures, f => Assert.True(f.Seconds > 0 && f.Megabytes > 0 && f.AllocatedMegabytes > 0, f.Name));
        var once = figures.First(f => f.Name == "pipeline 1×");
        var thrice = figures.First(f => f.Name == "pipeline 3×");
        Assert.Equal(3 * once.Articles, thrice.Articles);
        Assert.Equal(3 * once.Megabytes, thrice.Megabytes, 6);
        Assert.Equal([1, 2], figures.Where(f => f.Name == "pipeline 1×").Select(f => f.Threads));
        Assert.Equal(13, PipelineBenchmark.ToDataFrame(figures).Columns.Count);

        var speedUps = PipelineBenchmark.SpeedUps(figures);
        Assert.Equal(["pipeline 1×", "pipeline 3×"], speedUps.Select(s => s.Run));
        Assert.Equal(2, speedUps[1].Ratios.Count);
        Assert.InRange(speedUps[1].Median, speedUps[1].Ratios.Min(), speedUps[1].Ratios.Max());
        Assert.Contains("load", thrice.StageSeconds!.Keys);
    }

    [Fact]
    public void SpeedUpIsTheMedianOfThePerRoundRatios()
    {
        static BenchmarkFigure Run(int threads, double seconds, int round) => new("pipeline 10×", threads, 100, 1000, seconds, 1, 1, 1) { Round = round };
        var figures = new[] { Run(2, 5, 1), Run(1, 10, 1), Run(2, 4, 2), Run(1, 6, 2), Run(2, 2, 3), Run(1, 5, 3) };

        var speedUp = Assert.Single(PipelineBenchmark.SpeedUps(figures));

        Assert.Equal(2, speedUp.Threads);
        Assert.Equal([2.0, 1.5, 2.5], speedUp.Ratios);
        Assert.Equal(2.0, speedUp.Median);
    }
}
