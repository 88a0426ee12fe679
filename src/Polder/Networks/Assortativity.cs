namespace Polder.Networks;

/// <summary>Assortativity: do nodes link to nodes like themselves? (NetworkX's attribute and degree assortativity, unweighted.)</summary>
public static class Assortativity
{
    /// <summary>
    /// Newman's assortativity by a categorical attribute (e.g. party or community): (Σ e_ii − Σ a_i b_i) / (1 − Σ a_i b_i)
    /// over the edge mixing matrix (undirected edges count both ways).
    /// </summary>
    public static double ByAttribute<T>(CsrGraph g, IReadOnlyList<T> attribute) where T : notnull
    {
        if (attribute.Count != g.NodeCount) throw new ArgumentException("one attribute value per node");
        var ids = new Dictionary<T, int>();
        var code = attribute.Select(x => ids.TryGetValue(x, out var i) ? i : ids[x] = ids.Count).ToArray();
        int k = ids.Count;
        var e = new double[k, k];
        double total = 0;
        for (int u = 0; u < g.NodeCount; u++)
            foreach (var v in g.OutNeighbors(u)) { e[code[u], code[v]]++; total++; }
        if (total == 0) return double.NaN;
        double trace = 0, ab = 0;
        for (int i = 0; i < k; i++)
        {
            double a = 0, b = 0;
            for (int j = 0; j < k; j++) { a += e[i, j]; b += e[j, i]; }
            trace += e[i, i] / total;
            ab += a / total * (b / total);
        }
        return ab == 1 ? double.NaN : (trace - ab) / (1 - ab);
    }

    /// <summary>Degree assortativity: Pearson correlation of the degrees at the two ends of every edge (out-degree of the source, in-degree of the target when directed).</summary>
    public static double ByDegree(CsrGraph g)
    {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, m = 0;
        for (int u = 0; u < g.NodeCount; u++)
            foreach (var v in g.OutNeighbors(u))
            {
                double x = g.OutDegree(u), y = g.InDegree(v);
                sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y; m++;
            }
        if (m == 0) return double.NaN;
        double cov = sxy / m - sx / m * (sy / m);
        double vx = sxx / m - sx / m * (sx / m), vy = syy / m - sy / m * (sy / m);
        return cov / Math.Sqrt(vx * vy);
    }
}
