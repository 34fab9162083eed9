namespace NewsLens.Tests.Analysis;

public class ShardTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("1/2", 1, 2)]
    [InlineData("2/2", 2, 2)]
    [InlineData("7/16", 7, 16)]
    public void ParsesIndexOfCount(string text, int index, int count)
    {
        var shard = Shard.Parse(text);
        Assert.Equal(index, shard.Index);
        Assert.Equal(count, shard.Count);
        Assert.Equal(text, shard.ToString());
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("-1/2")]
    [InlineData("")]
    public void RejectsMalformedShards(string text)
    {
        var error = Assert.Throws<FormatException>(() => Shard.Parse(text));
        Assert.Contains("I/N", error.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void EveryKeyFallsInExactlyOneShard(int count)
    {
        var keys = Enumerable.Range(0, 2000).Select(i => $"folder/file-{i}.jsonl#{i % 7}").ToArray();
        var sizes = new int[count];
        foreach (var key in keys)
        {
            var owners = Enumerable.Range(1, count).Where(i => new Shard(i, count).Contains(key)).ToArray();
            Assert.Single(owners);
            sizes[owners[0] - 1]++;
        }

        // A stable hash spreads keys roughly evenly.
        Assert.All(sizes, size => Assert.InRange(size, keys.Length / count * 0.8, keys.Length / count * 1.2));
    }

    [Fact]
    public void HashIsStableAcrossRunsAndMachines()
    {
        // FNV-1a 64 reference values: a change here would reshuffle every existing sharded output.
        Assert.Equal(0xcbf29ce484222325UL, Shard.StableHash(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, Shard.StableHash("a"));
        Assert.Equal(0x85944171f73967e8UL, Shard.StableHash("foobar"));
    }

    [Theory]
    [InlineData("JOB_COMPLETION_INDEX=0 JOB_COMPLETIONS=8", "1/8")]
    [InlineData("JOB_COMPLETION_INDEX=7 JOB_COMPLETIONS=8", "8/8")]
    [InlineData("SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_COUNT=4", "1/4")]
    [InlineData("SLURM_ARRAY_TASK_ID=4 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=4", "4/4")] // --array=1-4
    [InlineData("SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=4", "1/4")]
    [InlineData("SLURM_ARRAY_TASK_ID=14 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_STEP=2 SLURM_ARRAY_TASK_COUNT=8", "8/8")] // --array=0-14:2
    public void AutoShardComesFromTheSchedulersVariables(string variables, string shard)
    {
        Assert.Equal(shard, Shard.FromEnvironment(Variables(variables)).ToString());
    }

    [Theory]
    [InlineData("", "neither JOB_COMPLETION_INDEX")]
    [InlineData("JOB_COMPLETION_INDEX=0", "JOB_COMPLETIONS is not")]
    [InlineData("JOB_COMPLETION_INDEX=8 JOB_COMPLETIONS=8", "not a shard")]
    [InlineData("JOB_COMPLETION_INDEX=x JOB_COMPLETIONS=8", "not a whole number")]
    [InlineData("SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_COUNT=4", "SLURM_ARRAY_TASK_MIN is not")]
    [InlineData("SLURM_ARRAY_TASK_ID=7 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=3", "without gaps")] // --array=1,3,7
    [InlineData("SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_STEP=2 SLURM_ARRAY_TASK_COUNT=4", "steps of 2")]
    [InlineData("JOB_COMPLETION_INDEX=0 JOB_COMPLETIONS=2 SLURM_ARRAY_TASK_ID=0", "both")]
    public void AutoShardExplainsWhatIsMissing(string variables, string message)
    {
        var error = Assert.Throws<FormatException>(() => Shard.FromEnvironment(Variables(variables)));
        Assert.Contains(message, error.Message);
        Assert.StartsWith("--shard auto:", error.Message);
    }

    private static Func<string, string?> Variables(string text)
    {
        var map = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        return name => map.GetValueOrDefault(name);
    }
}
