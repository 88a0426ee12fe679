namespace Polder.Networks;

/// <summary>
/// Weighted, optionally personalised PageRank by power iteration, with NetworkX's semantics: the mass of
/// dangling nodes is spread like the teleport vector; undirected edges count both ways.
/// </summary>
public static class PageRank
{
    /// <summary>Computes PageRank.</summary>
    /// <param name="graph">The graph; edge weights are transition weights.</param>
    /// <param name="damping">Probability of following an edge (α, default 0.85).</param>
    /// <param name="personalization">Teleport weight per node (normalised here), or null for uniform.</param>
    /// <param name="tolerance">Stop when the L1 change is below n × tolerance (NetworkX's rule).</param>
    /// <param name="maxIterations">Give up after this many iterations (returns the last vector).</param>
    public static double[] Compute(CsrGraph graph, double damping = 0.85, IReadOnlyList<double>? personalization = null,
        double tolerance = 1e-10, int maxIterations = 1000)
    {
        int n = graph.NodeCount;
        if (n == 0) return [];
        var p = new double[n];
        if (personalization is null) Array.Fill(p, 1.0 / n);
        else
        {
            if (personalization.Count != n) throw new ArgumentException("one personalization weight per node");
            double s = personalization.Sum();
            if (!(s > 0)) throw new ArgumentException("personalization must have positive total weight");
            for (int i = 0; i < n; i++) p[i] = personalization[i] / s;
        }
        var outS = new double[n];
        for (int v = 0; v < n; v++) outS[v] = graph.OutStrength(v);
        var x = (double[])p.Clone();
        var share = new double[n];
        var next = new double[n];
        var inOff = graph.InOffsets; var inSrc = graph.InSources; var inW = graph.InWeights;
        for (int it = 0; it < maxIterations; it++)
        {
            double dangling = 0;
            for (int v = 0; v < n; v++)
            {
                if (outS[v] > 0) share[v] = x[v] / outS[v];
                else { share[v] = 0; dangling += x[v]; }
            }
            double err = 0;
            for (int v = 0; v < n; v++)
            {
                double sum = 0;
                for (int e = inOff[v]; e < inOff[v + 1]; e++) sum += share[inSrc[e]] * inW[e];
                double val = damping * sum + (damping * dangling + (1 - damping)) * p[v];
                err += Math.Abs(val - x[v]);
                next[v] = val;
            }
            (x, next) = (next, x);
            if (err < n * tolerance) break;
        }
        return x;
    }
}
