namespace Polder.Networks;

/// <summary>
/// Actor–item bipartite graphs (actor–hashtag, actor–topic) and their one-mode projections: two actors are linked
/// when they share items, weighted by the number of shared items or by Newman's collaboration weight Σ 1/(k_item − 1).
/// </summary>
public static class BipartiteProjection
{
    /// <summary>How shared items weigh in a projection.</summary>
    public enum Weighting
    {
        /// <summary>Number of distinct shared items.</summary>
        SharedItems,
        /// <summary>Newman (2001): each shared item adds 1/(number of actors using it − 1), so popular items weigh less.</summary>
        Newman,
    }

    /// <summary>
    /// The undirected bipartite graph: nodes are actors then items (item labels prefixed with <paramref name="itemPrefix"/>
    /// so they cannot collide with actor ids); edge weight = number of times the actor used the item.
    /// </summary>
    public static CsrGraph Bipartite(IEnumerable<(string Actor, string Item)> pairs, string itemPrefix = "#")
    {
        var b = new GraphBuilder();
        var list = pairs.ToList();
        foreach (var (a, _) in list) b.AddNode(a);
        foreach (var (a, i) in list) b.AddEdge(a, itemPrefix + i);
        return b.Build(directed: false);
    }

    /// <summary>The actor–actor projection (undirected; every actor is a node).</summary>
    public static CsrGraph ProjectActors(IEnumerable<(string Actor, string Item)> pairs, Weighting weighting = Weighting.SharedItems) =>
        Project(pairs.Select(p => (p.Actor, p.Item)), weighting);

    /// <summary>The item–item projection (items linked when the same actor uses both).</summary>
    public static CsrGraph ProjectItems(IEnumerable<(string Actor, string Item)> pairs, Weighting weighting = Weighting.SharedItems) =>
        Project(pairs.Select(p => (p.Item, p.Actor)), weighting);

    private static CsrGraph Project(IEnumerable<(string Node, string Via)> pairs, Weighting weighting)
    {
        var b = new GraphBuilder();
        var members = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        foreach (var (node, via) in pairs)
        {
            int id = b.AddNode(node);
            if (!members.TryGetValue(via, out var set)) members[via] = set = [];
            set.Add(id);
        }
        foreach (var set in members.Values)
        {
            if (set.Count < 2) continue;
            double w = weighting == Weighting.Newman ? 1.0 / (set.Count - 1) : 1;
            var arr = set.ToArray();
            for (int i = 0; i < arr.Length; i++)
                for (int j = i + 1; j < arr.Length; j++) b.AddEdge(arr[i], arr[j], w);
        }
        return b.Build(directed: false);
    }
}
