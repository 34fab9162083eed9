using NewsLens.Cli.Commands;
using NewsLens.Cli;
using NewsLens.Tests.Analysis;

namespace NewsLens.Tests.Cli;

public class AnalyzeCommandTests
{
    [Theory]
    [InlineData("analyze seeds --out out", 0)]
    [InlineData("analyze seeds --out out --format csv --shard 2/4 --threads 1 --progress", 0)]
    [InlineData("analyze a.jsonl b.jsonl -o out -f Parquet", 0)]
    [InlineData("analyze seeds", 1)]
    [InlineData("analyze --out out", 1)]
    [InlineData("analyze seeds --out out --shard 5/4", 1)]
    [InlineData("analyze seeds --out out --shard half", 1)]
    [InlineData("analyze seeds --out out --threads 0", 1)]
    [InlineData("analyze seeds --out out --format arrow", 1)]
    [InlineData("bench --input seeds --repeat 3 --only Stages Scale --format csv", 0)]
    [InlineData("bench --only everything", 1)]
    public void ParsesArguments(string commandLine, int errors)
    {
        var parse = Program.BuildRoot().Parse(commandLine);

        Assert.Equal(errors, Math.Min(parse.Errors.Count, 1));
    }

    [Fact]
    public void WritesEveryTableAndTheManifest()
    {
        var output = AnalysisOutput.TempDirectory();
        var exit = Program.BuildRoot().Parse(["analyze", TestPaths.Seeds, "--out", output, "--threads", "2"]).Invoke();

        Assert.Equal(0, exit);
        var manifest = AnalysisManifest.Load(Path.Combine(output, "manifest.json"));
        Assert.Equal(8, manifest.Articles);
        foreach (var table in manifest.Tables)
            Assert.NotEmpty(AnalysisOutput.Files(output, table.Name));
    }

    [Theory]
    [InlineData(null, 10, "")]
    [InlineData(0.005, 1, "0 %")]
    [InlineData(0.25, 30, "25 % · ETA 0:01:30")]
    [InlineData(0.5, 3600, "50 % · ETA 1:00:00")]
    [InlineData(0.999, 999, "99 % · ETA 0:00:01")]
    [InlineData(1.0, 40, "100 %")]
    public void ProgressShowsTheShareReadAndAnEtaFromTheRateSoFar(double? share, int elapsedSeconds, string expected)
    {
        // Below 1 % the rate is too noisy for an ETA; at 100 % there is nothing left to estimate.
        Assert.Equal(expected, AnalyzeCommand.Estimate(share, TimeSpan.FromSeconds(elapsedSeconds)));
    }

    [Fact]
    public void AMissingInputIsReportedWithExitCodeTwo()
    {
        var exit = Program.BuildRoot().Parse(["analyze", "/no/such/corpus", "--out", AnalysisOutput.TempDirectory()]).Invoke();

        Assert.Equal(2, exit);
    }
}
