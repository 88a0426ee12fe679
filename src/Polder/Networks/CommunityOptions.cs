namespace Polder.Networks;

/// <summary>What a community partition optimises.</summary>
public enum QualityFunction
{
    /// <summary>Newman–Girvan modularity with a resolution parameter γ (1 = classic modularity).</summary>
    Modularity,
    /// <summary>The Constant Potts Model: internal weight minus γ × (pairs of nodes) per community; resolution-limit free.</summary>
    Cpm,
}

/// <summary>Options of <see cref="Leiden"/> and <see cref="Louvain"/>. Equal options and graph give equal results.</summary>
public sealed record CommunityOptions
{
    /// <summary>The quality function (default modularity).</summary>
    public QualityFunction Quality { get; init; } = QualityFunction.Modularity;

    /// <summary>Resolution γ: higher gives more, smaller communities. For CPM it is the density threshold.</summary>
    public double Resolution { get; init; } = 1.0;

    /// <summary>Seed of the random node order (and of Leiden's randomised refinement).</summary>
    public int Seed { get; init; }

    /// <summary>Number of full passes; 0 or negative runs until a pass no longer improves the quality (default).</summary>
    public int Iterations { get; init; } = -1;

    /// <summary>
    /// When running until stable: passes in a row without improvement (each with a fresh random order) before
    /// stopping. Null (default) means 3 for graphs up to 10,000 nodes and 1 above.
    /// </summary>
    public int? Patience { get; init; }

    /// <summary>
    /// Independent runs (each from the starting partition with its own random stream derived from <see cref="Seed"/>);
    /// the best is returned. Null (default) means 4 for graphs up to 10,000 nodes and 1 above.
    /// </summary>
    public int? Restarts { get; init; }

    /// <summary>
    /// Leiden's refinement randomness θ (default 0.01): a node joins a sub-community with probability ∝ exp(gain / θ),
    /// gains in units of edge weight as in igraph's community_leiden; smaller is greedier, 0 is greedy.
    /// </summary>
    public double Randomness { get; init; } = 0.01;

    /// <summary>
    /// Optimise directed (Leicht–Newman) modularity Q = (1/m) Σ_ij [A_ij − γ k_i^out k_j^in / m] δ(c_i, c_j) on a directed
    /// graph instead of modularity of its undirected view (default false). Modularity only; ignored for undirected graphs.
    /// </summary>
    public bool Directed { get; init; }

    /// <summary>A starting partition (one community number per node), or null for singletons.</summary>
    public IReadOnlyList<int>? InitialMembership { get; init; }
}

/// <summary>A partition of the nodes of a graph into communities.</summary>
/// <param name="Membership">Community number per node, 0..CommunityCount-1, numbered in order of first appearance.</param>
/// <param name="CommunityCount">Number of communities.</param>
/// <param name="Quality">Modularity (with the chosen resolution) or the CPM quality of the partition on the undirected view; directed modularity when <see cref="CommunityOptions.Directed"/> was set on a directed graph.</param>
public sealed record CommunityPartition(int[] Membership, int CommunityCount, double Quality)
{
    /// <summary>The size of every community.</summary>
    public int[] Sizes()
    {
        var s = new int[CommunityCount];
        foreach (var c in Membership) s[c]++;
        return s;
    }
}
