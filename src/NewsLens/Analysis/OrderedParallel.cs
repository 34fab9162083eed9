using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace NewsLens;

/// <summary>Maps a stream in parallel on a fixed number of threads, yielding results in input order.</summary>
/// <remarks>
/// Items travel in batches (fewer hand-offs than one item at a time); at most <c>2 × threads</c> batches are in
/// flight, so memory stays bounded however long the stream. The caller's thread reads the source and consumes the
/// results while the workers map. Dedicated threads, not the thread pool: the caller blocks while it waits and
/// must not starve the workers. With one thread everything runs on the caller's thread.
/// </remarks>
internal static class OrderedParallel
{
    public static IEnumerable<TOut> Map<TIn, TOut>(
        IEnumerable<TIn> source, Func<TIn, TOut> map, int threads, Func<TIn, long> weight, long batchWeight, int maxBatchItems = 1024,
        CancellationToken cancellationToken = default)
    {
        if (threads <= 1)
        {
            foreach (var item in source)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return map(item);
            }

            yield break;
        }

        var maxInFlight = threads * 2;
        using var queue = new BlockingCollection<Batch<TIn, TOut>>(maxInFlight);
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                foreach (var batch in queue.GetConsumingEnumerable())
                    batch.Run(map);
            })
            { IsBackground = true, Name = $"newslens-worker-{t + 1}" };
            workers[t].Start();
        }

        var pending = new Queue<Batch<TIn, TOut>>();
        try
        {
            var current = new List<TIn>();
            long currentWeight = 0;
            foreach (var item in source)
            {
                cancellationToken.ThrowIfCancellationRequested();
                current.Add(item);
                currentWeight += weight(item);
                if (currentWeight < batchWeight && current.Count < maxBatchItems)
                    continue;
                var batch = new Batch<TIn, TOut>(current);
                pending.Enqueue(batch);
                queue.Add(batch, cancellationToken);
                current = [];
                currentWeight = 0;
                while (pending.Count >= maxInFlight)
                {
                    foreach (var result in pending.Dequeue().Results())
                        yield return result;
                }
            }

            if (current.Count > 0)
            {
                var batch = new Batch<TIn, TOut>(current);
                pending.Enqueue(batch);
                queue.Add(batch, cancellationToken);
            }

            queue.CompleteAdding();
            while (pending.Count > 0)
            {
                foreach (var result in pending.Dequeue().Results())
                    yield return result;
            }
        }
        finally
        {
            // Also when the consumer stops early or a stage throws: let the workers drain and end.
            if (!queue.IsAddingCompleted)
                queue.CompleteAdding();
            foreach (var worker in workers)
                worker.Join();
        }
    }

    private sealed class Batch<TIn, TOut>(List<TIn> items)
    {
        private readonly ManualResetEventSlim done = new();
        private TOut[]? results;
        private ExceptionDispatchInfo? error;

        public void Run(Func<TIn, TOut> map)
        {
            try
            {
                var output = new TOut[items.Count];
                for (var i = 0; i < output.Length; i++)
                    output[i] = map(items[i]);
                results = output;
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                done.Set();
            }
        }

        public TOut[] Results()
        {
            done.Wait();
            done.Dispose();
            error?.Throw();
            return results!;
        }
    }
}
