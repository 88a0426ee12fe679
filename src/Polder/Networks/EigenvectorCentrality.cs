namespace Polder.Networks;

/// <summary>
/// Eigenvector centrality (weighted): the principal eigenvector of the adjacency matrix (left eigenvector,
/// i.e. in-edges, for directed graphs), Euclidean norm 1, as NetworkX's eigenvector_centrality.
/// </summary>
public static class EigenvectorCentrality
{
    /// <summary>Computes eigenvector centrality by power iteration on A + I (the shift avoids oscillation).</summary>
    public static double[] Compute(CsrGraph g, bool weighted = true, double tolerance = 1e-14, int maxIterations = 100000)
    {
        int n = g.NodeCount;
        var x = new double[n];
        Array.Fill(x, 1.0 / Math.Max(1, n));
        var next = new double[n];
        for (int it = 0; it < maxIterations; it++)
        {
            for (int v = 0; v < n; v++)
            {
                double s = x[v];
                for (int e = g.InOffsets[v]; e < g.InOffsets[v + 1]; e++) s += (weighted ? g.InWeights[e] : 1) * x[g.InSources[e]];
                next[v] = s;
            }
            double norm = Math.Sqrt(next.Sum(t => t * t));
            if (norm == 0) return next;
            double err = 0;
            for (int v = 0; v < n; v++) { next[v] /= norm; err += Math.Abs(next[v] - x[v]); }
            (x, next) = (next, x);
            if (err < n * tolerance) break;
        }
        return x;
    }
}
