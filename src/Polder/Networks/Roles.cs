namespace Polder.Networks;

/// <summary>Roles of actors relative to communities: participation coefficient and brokers.</summary>
public static class Roles
{
    /// <summary>
    /// Guimerà–Amaral participation coefficient P_v = 1 − Σ_c (k_vc / k_v)² on weighted undirected strength:
    /// 0 when all of a node's ties stay in one community, towards 1 when they spread evenly over many.
    /// </summary>
    public static double[] ParticipationCoefficient(CsrGraph graph, IReadOnlyList<int> membership)
    {
        var g = graph.ToUndirected();
        int n = g.NodeCount;
        var result = new double[n];
        var acc = new Dictionary<int, double>();
        for (int v = 0; v < n; v++)
        {
            acc.Clear();
            double k = 0;
            var nb = g.OutNeighbors(v); var w = g.OutEdgeWeights(v);
            for (int i = 0; i < nb.Length; i++) { int c = membership[nb[i]]; acc[c] = acc.GetValueOrDefault(c) + w[i]; k += w[i]; }
            if (k == 0) continue;
            double s = 0;
            foreach (var x in acc.Values) s += x / k * (x / k);
            result[v] = 1 - s;
        }
        return result;
    }

    /// <summary>
    /// Brokers: nodes ranked by betweenness × participation coefficient (both high: they sit on many shortest
    /// paths and their ties span communities). Returns the top <paramref name="count"/> node ids with a positive score.
    /// </summary>
    public static int[] Brokers(IReadOnlyList<double> betweenness, IReadOnlyList<double> participation, int count)
    {
        if (betweenness.Count != participation.Count) throw new ArgumentException("one value per node in both lists");
        return Enumerable.Range(0, betweenness.Count)
            .Select(v => (v, score: betweenness[v] * participation[v]))
            .Where(x => x.score > 0)
            .OrderByDescending(x => x.score).ThenBy(x => x.v)
            .Take(count).Select(x => x.v).ToArray();
    }
}
