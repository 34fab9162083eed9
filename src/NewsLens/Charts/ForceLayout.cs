namespace NewsLens;

/// <summary>
/// Fruchterman–Reingold force-directed layout: edges pull their ends together (stronger for heavier edges), all nodes push
/// each other apart, and the step size cools. Starts from a seeded scatter, so the same graph always gets the same picture.
/// </summary>
internal static class ForceLayout
{
    public static (double X, double Y)[] Compute(int nodes, IReadOnlyList<(int A, int B, double Weight)> edges, int iterations = 300)
    {
        var x = new double[nodes];
        var y = new double[nodes];
        // A seeded scatter rather than a perfect circle: symmetric starts (a cross of two pairs) are stuck saddles.
        var random = new Random(20170301);
        for (var i = 0; i < nodes; i++)
        {
            x[i] = random.NextDouble() * 2 - 1;
            y[i] = random.NextDouble() * 2 - 1;
        }

        if (nodes <= 1)
            return [.. Enumerable.Range(0, nodes).Select(_ => (0.0, 0.0))];

        var k = Math.Sqrt(4.0 / nodes); // ideal distance for a 2 × 2 area
        var temperature = 0.2;
        var dx = new double[nodes];
        var dy = new double[nodes];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(dx);
            Array.Clear(dy);
            for (var i = 0; i < nodes; i++)
            {
                for (var j = i + 1; j < nodes; j++)
                {
                    var (ddx, ddy) = (x[i] - x[j], y[i] - y[j]);
                    var distance = Math.Max(1e-4, Math.Sqrt(ddx * ddx + ddy * ddy));
                    var force = k * k / distance;
                    dx[i] += ddx / distance * force; dy[i] += ddy / distance * force;
                    dx[j] -= ddx / distance * force; dy[j] -= ddy / distance * force;
                }
            }

            foreach (var (a, b, weight) in edges)
            {
                var (ddx, ddy) = (x[a] - x[b], y[a] - y[b]);
                var distance = Math.Max(1e-4, Math.Sqrt(ddx * ddx + ddy * ddy));
                var force = distance * distance / k * (0.5 + 2 * weight);
                dx[a] -= ddx / distance * force; dy[a] -= ddy / distance * force;
                dx[b] += ddx / distance * force; dy[b] += ddy / distance * force;
            }

            for (var i = 0; i < nodes; i++)
            {
                // Gravity keeps unconnected nodes from drifting off.
                dx[i] -= 0.1 * x[i];
                dy[i] -= 0.1 * y[i];
                var length = Math.Max(1e-9, Math.Sqrt(dx[i] * dx[i] + dy[i] * dy[i]));
                var step = Math.Min(length, temperature);
                x[i] += dx[i] / length * step;
                y[i] += dy[i] / length * step;
            }

            temperature = Math.Max(0.002, temperature * 0.985);
        }

        return [.. Enumerable.Range(0, nodes).Select(i => (Math.Round(x[i], 4), Math.Round(y[i], 4)))];
    }
}

/// <summary>Average-linkage agglomerative clustering; returns the leaves in dendrogram order (similar items adjacent).</summary>
internal static class Clustering
{
    public static List<int> LeafOrder(int count, Func<int, int, double> similarity)
    {
        var clusters = Enumerable.Range(0, count).Select(i => new List<int> { i }).ToList();
        while (clusters.Count > 1)
        {
            var (bestA, bestB, best) = (0, 1, double.NegativeInfinity);
            for (var a = 0; a < clusters.Count; a++)
            {
                for (var b = a + 1; b < clusters.Count; b++)
                {
                    var mean = clusters[a].SelectMany(i => clusters[b].Select(j => similarity(i, j))).Average();
                    if (mean > best + 1e-12)
                        (bestA, bestB, best) = (a, b, mean);
                }
            }

            clusters[bestA].AddRange(clusters[bestB]);
            clusters.RemoveAt(bestB);
        }

        return clusters.FirstOrDefault() ?? [];
    }
}
