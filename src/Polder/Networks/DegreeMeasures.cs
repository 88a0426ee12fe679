namespace Polder.Networks;

/// <summary>Degrees and strengths per node.</summary>
public static class DegreeMeasures
{
    /// <summary>Out-degree per node (number of neighbours when undirected).</summary>
    public static int[] OutDegree(CsrGraph g) => Enumerable.Range(0, g.NodeCount).Select(g.OutDegree).ToArray();

    /// <summary>In-degree per node (number of neighbours when undirected).</summary>
    public static int[] InDegree(CsrGraph g) => Enumerable.Range(0, g.NodeCount).Select(g.InDegree).ToArray();

    /// <summary>Out-strength (sum of out-edge weights) per node.</summary>
    public static double[] OutStrength(CsrGraph g) => Enumerable.Range(0, g.NodeCount).Select(g.OutStrength).ToArray();

    /// <summary>In-strength (sum of in-edge weights) per node.</summary>
    public static double[] InStrength(CsrGraph g) => Enumerable.Range(0, g.NodeCount).Select(g.InStrength).ToArray();

    /// <summary>NetworkX's degree centrality: degree / (n − 1) (in + out for directed graphs).</summary>
    public static double[] DegreeCentrality(CsrGraph g)
    {
        int n = g.NodeCount;
        double s = n > 1 ? 1.0 / (n - 1) : 1;
        return Enumerable.Range(0, n).Select(v => (g.IsDirected ? g.OutDegree(v) + g.InDegree(v) : g.OutDegree(v)) * s).ToArray();
    }
}
