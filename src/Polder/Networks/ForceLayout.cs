namespace Polder.Networks;

/// <summary>
/// A seeded Fruchterman–Reingold force-directed layout for drawing a graph: linked nodes attract (by edge weight),
/// all nodes repel, a cooling schedule settles them. O(n²) per iteration, meant for drawings of up to a few thousand
/// nodes. Deterministic for a seed. Positions are scaled into [0, 1] × [0, 1].
/// </summary>
public static class ForceLayout
{
    /// <summary>Lays out <paramref name="graph"/> (edge direction ignored); returns x and y per node.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="seed">Seed of the random start positions.</param>
    /// <param name="iterations">Number of cooling steps (default 300).</param>
    public static (double[] X, double[] Y) Compute(CsrGraph graph, int seed = 0, int iterations = 300)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.NodeCount;
        var x = new double[n];
        var y = new double[n];
        if (n == 0) return (x, y);
        var rng = new Random(seed);
        for (int i = 0; i < n; i++) { x[i] = rng.NextDouble(); y[i] = rng.NextDouble(); }
        if (n == 1) { x[0] = y[0] = 0.5; return (x, y); }
        double k = Math.Sqrt(1.0 / n); // ideal distance in the unit square
        double maxW = 1;
        for (int v = 0; v < n; v++) foreach (var w in graph.OutEdgeWeights(v)) maxW = Math.Max(maxW, w);
        var dx = new double[n];
        var dy = new double[n];
        double temperature = 0.1;
        double cool = temperature / (iterations + 1);
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(dx); Array.Clear(dy);
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    double ex = x[i] - x[j], ey = y[i] - y[j];
                    double d2 = ex * ex + ey * ey;
                    if (d2 < 1e-12) { ex = 1e-4 * (1 + (i % 7)); ey = 1e-4 * (1 + (j % 5)); d2 = ex * ex + ey * ey; }
                    double f = k * k / d2; // repulsion k²/d, along the unit vector (e/d): e·k²/d²
                    dx[i] += ex * f; dy[i] += ey * f;
                    dx[j] -= ex * f; dy[j] -= ey * f;
                }
            }
            for (int v = 0; v < n; v++)
            {
                var nb = graph.OutNeighbors(v);
                var ws = graph.OutEdgeWeights(v);
                for (int e = 0; e < nb.Length; e++)
                {
                    int u = nb[e];
                    if (u == v) continue;
                    double ex = x[v] - x[u], ey = y[v] - y[u];
                    double d = Math.Sqrt(ex * ex + ey * ey) + 1e-9;
                    double f = d / k * (0.5 + 0.5 * Math.Log(1 + ws[e]) / Math.Log(1 + maxW)); // attraction d²/k, weighted
                    dx[v] -= ex * f; dy[v] -= ey * f;
                }
            }
            for (int v = 0; v < n; v++)
            {
                // gravity towards the centre keeps separate components on the page
                dx[v] -= (x[v] - 0.5) * 0.05 * n * k;
                dy[v] -= (y[v] - 0.5) * 0.05 * n * k;
                double len = Math.Sqrt(dx[v] * dx[v] + dy[v] * dy[v]);
                if (len > 0)
                {
                    double step = Math.Min(len, temperature);
                    x[v] += dx[v] / len * step;
                    y[v] += dy[v] / len * step;
                }
            }
            temperature -= cool;
        }
        Normalize(x); Normalize(y);
        return (x, y);
    }

    private static void Normalize(double[] a)
    {
        double lo = a.Min(), hi = a.Max();
        double span = hi - lo;
        for (int i = 0; i < a.Length; i++) a[i] = span < 1e-12 ? 0.5 : (a[i] - lo) / span;
    }
}
