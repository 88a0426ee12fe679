namespace Polder.Networks;

/// <summary>How path-based measures (betweenness, harmonic closeness) measure the length of an edge.</summary>
public enum PathLength
{
    /// <summary>Every edge has length 1: shortest paths are fewest hops (weights are ignored). NetworkX's default.</summary>
    Hops,
    /// <summary>
    /// Weight is tie strength, so an edge of weight w has length 1/w: paths over strong ties are short
    /// (NetworkX with <c>weight=</c> set to an attribute holding 1/w). Edges of weight 0 are not traversed.
    /// </summary>
    InverseWeight,
}
