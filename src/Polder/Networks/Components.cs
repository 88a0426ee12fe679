namespace Polder.Networks;

/// <summary>Weakly and strongly connected components.</summary>
public static class Components
{
    /// <summary>Component number per node (0 = the largest component, then by decreasing size) and the count.</summary>
    public static (int[] Component, int Count) Weak(CsrGraph graph)
    {
        var g = graph.ToUndirected();
        var comp = new int[g.NodeCount];
        Array.Fill(comp, -1);
        var stack = new Stack<int>();
        int k = 0;
        for (int s = 0; s < g.NodeCount; s++)
        {
            if (comp[s] >= 0) continue;
            comp[s] = k; stack.Push(s);
            while (stack.Count > 0)
            {
                int v = stack.Pop();
                foreach (var u in g.OutNeighbors(v)) if (comp[u] < 0) { comp[u] = k; stack.Push(u); }
            }
            k++;
        }
        return (BySize(comp, k), k);
    }

    /// <summary>Strongly connected components (iterative Tarjan); for undirected graphs the same as <see cref="Weak"/>.</summary>
    public static (int[] Component, int Count) Strong(CsrGraph g)
    {
        if (!g.IsDirected) return Weak(g);
        int n = g.NodeCount;
        var index = new int[n]; Array.Fill(index, -1);
        var low = new int[n];
        var onStack = new bool[n];
        var comp = new int[n]; Array.Fill(comp, -1);
        var stack = new Stack<int>();
        var call = new Stack<(int V, int Edge)>();
        int next = 0, k = 0;
        for (int s = 0; s < n; s++)
        {
            if (index[s] >= 0) continue;
            call.Push((s, g.OutOffsets[s]));
            index[s] = low[s] = next++; stack.Push(s); onStack[s] = true;
            while (call.Count > 0)
            {
                var (v, e) = call.Pop();
                if (e < g.OutOffsets[v + 1])
                {
                    call.Push((v, e + 1));
                    int u = g.OutTargets[e];
                    if (index[u] < 0)
                    {
                        index[u] = low[u] = next++; stack.Push(u); onStack[u] = true;
                        call.Push((u, g.OutOffsets[u]));
                    }
                    else if (onStack[u]) low[v] = Math.Min(low[v], index[u]);
                    continue;
                }
                if (low[v] == index[v])
                {
                    int x;
                    do { x = stack.Pop(); onStack[x] = false; comp[x] = k; } while (x != v);
                    k++;
                }
                if (call.Count > 0) { var parent = call.Peek().V; low[parent] = Math.Min(low[parent], low[v]); }
            }
        }
        return (BySize(comp, k), k);
    }

    private static int[] BySize(int[] comp, int k)
    {
        var size = new int[k];
        foreach (var c in comp) size[c]++;
        var order = Enumerable.Range(0, k).OrderByDescending(c => size[c]).ThenBy(c => c).ToArray();
        var rank = new int[k];
        for (int i = 0; i < k; i++) rank[order[i]] = i;
        return comp.Select(c => rank[c]).ToArray();
    }
}
