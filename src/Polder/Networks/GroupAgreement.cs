namespace Polder.Networks;

/// <summary>
/// How well communities match a known group attribute (party, department …): NMI and ARI computed over exactly the
/// nodes whose group is known (a null or empty group is a missing label, not a group of its own), once over all of them
/// and once over those in the giant (largest weakly connected) component, where the graph holds information about them.
/// </summary>
/// <param name="LabelledNodes">Nodes with a known group.</param>
/// <param name="Nmi">NMI (arithmetic normalisation) of communities against groups over <paramref name="LabelledNodes"/>.</param>
/// <param name="Ari">Adjusted Rand index over <paramref name="LabelledNodes"/>.</param>
/// <param name="GiantLabelledNodes">Labelled nodes in the giant component.</param>
/// <param name="GiantNmi">NMI over <paramref name="GiantLabelledNodes"/>.</param>
/// <param name="GiantAri">ARI over <paramref name="GiantLabelledNodes"/>.</param>
/// <param name="Assortativity">Assortativity by group (<see cref="Networks.Assortativity.ByAttribute"/>) of the subgraph induced by the labelled nodes: do labelled nodes link to their own group? NaN without such edges.</param>
public sealed record GroupAgreement(int LabelledNodes, double Nmi, double Ari, int GiantLabelledNodes, double GiantNmi, double GiantAri, double Assortativity)
{
    /// <summary>
    /// Compares <paramref name="membership"/> (one community per node of <paramref name="graph"/>) with the groups of the
    /// nodes' labels; labels absent from <paramref name="groups"/> or mapped to "" are left out.
    /// </summary>
    public static GroupAgreement Measure(CsrGraph graph, IReadOnlyList<int> membership, IReadOnlyDictionary<string, string> groups)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(groups);
        if (membership.Count != graph.NodeCount) throw new ArgumentException($"membership has {membership.Count} entries for {graph.NodeCount} nodes");
        var (component, count) = Components.Weak(graph);
        var size = new int[count];
        foreach (var c in component) size[c]++;
        int giant = count == 0 ? -1 : Array.IndexOf(size, size.Max());
        var all = new List<(int Community, string Group)>();
        var inGiant = new List<(int Community, string Group)>();
        var sub = new int[graph.NodeCount];
        var subGroup = new List<string>();
        for (int v = 0; v < graph.NodeCount; v++)
        {
            sub[v] = -1;
            if (!groups.TryGetValue(graph.Label(v), out var grp) || string.IsNullOrEmpty(grp)) continue;
            sub[v] = subGroup.Count; subGroup.Add(grp);
            all.Add((membership[v], grp));
            if (component[v] == giant) inGiant.Add((membership[v], grp));
        }
        var src = new List<int>(); var dst = new List<int>();
        foreach (var (s, t, _) in graph.Edges())
            if (sub[s] >= 0 && sub[t] >= 0) { src.Add(sub[s]); dst.Add(sub[t]); }
        var induced = GraphBuilder.FromArrays(subGroup.Count, src.ToArray(), dst.ToArray(), [], graph.IsDirected);
        return new GroupAgreement(all.Count, NmiOf(all), AriOf(all), inGiant.Count, NmiOf(inGiant), AriOf(inGiant),
            Networks.Assortativity.ByAttribute(induced, subGroup));
    }

    private static double NmiOf(List<(int Community, string Group)> x) =>
        PartitionComparison.NormalizedMutualInformation(x.Select(p => p.Community).ToArray(), x.Select(p => p.Group).ToArray());

    private static double AriOf(List<(int Community, string Group)> x) =>
        x.Count < 2 ? 1 : PartitionComparison.AdjustedRandIndex(x.Select(p => p.Community).ToArray(), x.Select(p => p.Group).ToArray());
}
