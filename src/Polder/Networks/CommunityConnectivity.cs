namespace Polder.Networks;

/// <summary>Checks and repairs the connectedness of communities.</summary>
public static class CommunityConnectivity
{
    /// <summary>True when the nodes of every community induce a connected subgraph (of the undirected view).</summary>
    public static bool AllConnected(CsrGraph graph, IReadOnlyList<int> membership)
    {
        var split = SplitDisconnected(graph.ToUndirected(), membership);
        int a = membership.Distinct().Count(), b = split.Distinct().Count();
        return a == b;
    }

    /// <summary>
    /// Splits every community into its connected parts. Splitting a community with no edges between its
    /// parts never lowers modularity or CPM quality.
    /// </summary>
    public static int[] SplitDisconnected(CsrGraph graph, IReadOnlyList<int> membership)
    {
        var g = graph.ToUndirected();
        int n = g.NodeCount;
        var result = new int[n];
        Array.Fill(result, -1);
        var stack = new Stack<int>();
        int next = 0;
        for (int s = 0; s < n; s++)
        {
            if (result[s] >= 0) continue;
            int c = membership[s];
            result[s] = next;
            stack.Push(s);
            while (stack.Count > 0)
            {
                int v = stack.Pop();
                foreach (var u in g.OutNeighbors(v))
                    if (result[u] < 0 && membership[u] == c) { result[u] = next; stack.Push(u); }
            }
            next++;
        }
        return result;
    }
}
