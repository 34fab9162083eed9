namespace NewsLens.Tests.Analysis;

public class OrderedParallelTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(2, 10)]
    [InlineData(4, 3)]
    public void ResultsComeInInputOrder(int threads, long batchWeight)
    {
        var input = Enumerable.Range(0, 500).ToArray();
        var output = OrderedParallel.Map(input, i =>
        {
            if (i % 17 == 0)
                Thread.Sleep(1); // uneven work reorders completion, never output
            return i * 2;
        }, threads, _ => 1, batchWeight).ToArray();
        Assert.Equal(input.Select(i => i * 2), output);
    }

    [Fact]
    public void UsesSeveralThreads()
    {
        var threadIds = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        using var bothStarted = new CountdownEvent(2);
        _ = OrderedParallel.Map(Enumerable.Range(0, 2), i =>
        {
            threadIds[Environment.CurrentManagedThreadId] = true;
            bothStarted.Signal();
            bothStarted.Wait(TimeSpan.FromSeconds(10)); // only returns at once if the two items run concurrently
            return i;
        }, 2, _ => 1, 1).ToArray();
        Assert.Equal(2, threadIds.Count);
    }

    [Fact]
    public void AStageErrorReachesTheCaller()
    {
        var error = Assert.Throws<InvalidDataException>(() => OrderedParallel.Map(Enumerable.Range(0, 100), i =>
            i == 42 ? throw new InvalidDataException("bad article 42") : i, 2, _ => 1, 5).ToArray());
        Assert.Equal("bad article 42", error.Message);
    }

    [Fact]
    public void AReadingErrorComesAfterEveryItemReadBeforeIt()
    {
        static IEnumerable<int> Source()
        {
            for (var i = 0; i < 50; i++)
                yield return i;
            throw new IOException("disk gone after 50");
        }

        var seen = new List<int>();
        var error = Assert.Throws<IOException>(() =>
        {
            foreach (var item in OrderedParallel.Map(Source(), i => i, 2, _ => 1, 7))
                seen.Add(item);
        });
        Assert.Equal("disk gone after 50", error.Message);
        Assert.Equal(Enumerable.Range(0, 50), seen);
    }

    [Fact]
    public void StoppingEarlyEndsTheWorkers()
    {
        var mapped = 0;
        var first = OrderedParallel.Map(Enumerable.Range(0, 1_000_000), i => Interlocked.Increment(ref mapped), 2, _ => 1, 10).Take(5).ToArray();
        Assert.Equal(5, first.Length);
        Assert.True(mapped < 1000, $"mapped {mapped} items for 5 taken: the stream is not bounded");
    }
}
