namespace Polder.Networks;

/// <summary>Core numbers (Batagelj–Zaversnik) on the undirected view, as NetworkX's core_number.</summary>
public static class KCore
{
    /// <summary>The largest k such that the node lies in a k-core.</summary>
    public static int[] CoreNumbers(CsrGraph graph)
    {
        var g = graph.ToUndirected();
        int n = g.NodeCount;
        var deg = new int[n];
        int maxDeg = 0;
        for (int v = 0; v < n; v++) { deg[v] = g.OutDegree(v); maxDeg = Math.Max(maxDeg, deg[v]); }
        var bin = new int[maxDeg + 1];
        foreach (var d in deg) bin[d]++;
        int start = 0;
        for (int d = 0; d <= maxDeg; d++) { int c = bin[d]; bin[d] = start; start += c; }
        var pos = new int[n]; var vert = new int[n];
        for (int v = 0; v < n; v++) { pos[v] = bin[deg[v]]; vert[pos[v]] = v; bin[deg[v]]++; }
        for (int d = maxDeg; d > 0; d--) bin[d] = bin[d - 1];
        if (maxDeg >= 0 && bin.Length > 0) bin[0] = 0;
        for (int i = 0; i < n; i++)
        {
            int v = vert[i];
            foreach (var u in g.OutNeighbors(v))
            {
                if (deg[u] > deg[v])
                {
                    int du = deg[u], pu = pos[u], pw = bin[du], w = vert[pw];
                    if (u != w) { pos[u] = pw; vert[pu] = w; pos[w] = pu; vert[pw] = u; }
                    bin[du]++; deg[u]--;
                }
            }
        }
        return deg;
    }
}
