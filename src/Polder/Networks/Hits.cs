namespace Polder.Networks;

/// <summary>Kleinberg's HITS hub and authority scores (weighted), each normalised to sum 1 like NetworkX.</summary>
public static class Hits
{
    /// <summary>Computes hubs and authorities by power iteration on AᵀA.</summary>
    public static (double[] Hubs, double[] Authorities) Compute(CsrGraph g, double tolerance = 1e-13, int maxIterations = 10000) =>
        Compute(g, tolerance, maxIterations, out _, out _);

    /// <summary>
    /// Like <see cref="Compute(CsrGraph, double, int)"/>, and says how it ended: the iterations run and the last L1 change of
    /// the authorities (below <paramref name="tolerance"/> when it converged).
    /// </summary>
    public static (double[] Hubs, double[] Authorities) Compute(CsrGraph g, double tolerance, int maxIterations, out int iterations, out double lastChange)
    {
        iterations = 0; lastChange = double.NaN;
        int n = g.NodeCount;
        var a = new double[n];
        var h = new double[n];
        Array.Fill(a, 1.0 / Math.Max(1, n));
        for (int it = 0; it < maxIterations; it++)
        {
            // h = A a ; a' = Aᵀ h
            for (int u = 0; u < n; u++)
            {
                double s = 0;
                for (int e = g.OutOffsets[u]; e < g.OutOffsets[u + 1]; e++) s += g.OutWeights[e] * a[g.OutTargets[e]];
                h[u] = s;
            }
            var next = new double[n];
            for (int v = 0; v < n; v++)
            {
                double s = 0;
                for (int e = g.InOffsets[v]; e < g.InOffsets[v + 1]; e++) s += g.InWeights[e] * h[g.InSources[e]];
                next[v] = s;
            }
            double sum = next.Sum();
            if (sum == 0) break;
            double err = 0;
            for (int v = 0; v < n; v++) { next[v] /= sum; err += Math.Abs(next[v] - a[v]); }
            a = next;
            iterations = it + 1; lastChange = err;
            if (err < tolerance) break;
        }
        for (int u = 0; u < n; u++)
        {
            double s = 0;
            for (int e = g.OutOffsets[u]; e < g.OutOffsets[u + 1]; e++) s += g.OutWeights[e] * a[g.OutTargets[e]];
            h[u] = s;
        }
        double hs = h.Sum();
        if (hs > 0) for (int u = 0; u < n; u++) h[u] /= hs;
        return (h, a);
    }
}
