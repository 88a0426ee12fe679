namespace Polder.Networks;

/// <summary>
/// The independent cascade model: "who would this message reach?" Each newly reached node gets one chance to
/// pass the message along each of its out-edges (to followers / repliers: pass a reversed interaction graph
/// when edges point from the listener to the speaker), with probability p, or 1 − (1 − p)^weight when weighted.
/// Monte-Carlo, seeded, deterministic.
/// </summary>
public static class IndependentCascade
{
    /// <summary>Result of a simulation.</summary>
    /// <param name="ExpectedReach">Mean number of nodes reached (seeds included).</param>
    /// <param name="ReachProbability">Per node: share of runs in which it was reached.</param>
    /// <param name="MeanRounds">Mean number of spreading rounds until the cascade died out.</param>
    public sealed record Result(double ExpectedReach, double[] ReachProbability, double MeanRounds);

    /// <summary>Runs <paramref name="runs"/> cascades from <paramref name="seeds"/> with edge probability <paramref name="probability"/>.</summary>
    public static Result Simulate(CsrGraph g, IReadOnlyList<int> seeds, double probability, int runs = 1000, int seed = 0, bool weighted = true)
    {
        if (probability is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(probability));
        int n = g.NodeCount;
        var rng = new Random(seed);
        var hits = new long[n];
        var reachedAt = new int[n];
        Array.Fill(reachedAt, -1);
        var frontier = new List<int>(); var next = new List<int>();
        long totalReach = 0, totalRounds = 0;
        for (int r = 0; r < runs; r++)
        {
            frontier.Clear();
            foreach (var s in seeds) if (reachedAt[s] != r) { reachedAt[s] = r; frontier.Add(s); hits[s]++; totalReach++; }
            int rounds = 0;
            while (frontier.Count > 0)
            {
                next.Clear();
                foreach (var v in frontier)
                {
                    var nb = g.OutNeighbors(v); var w = g.OutEdgeWeights(v);
                    for (int i = 0; i < nb.Length; i++)
                    {
                        int u = nb[i];
                        if (reachedAt[u] == r) continue;
                        double p = weighted ? 1 - Math.Pow(1 - probability, w[i]) : probability;
                        if (rng.NextDouble() < p) { reachedAt[u] = r; next.Add(u); hits[u]++; totalReach++; }
                    }
                }
                if (next.Count > 0) rounds++;
                (frontier, next) = (next, frontier);
            }
            totalRounds += rounds;
        }
        return new Result((double)totalReach / runs, hits.Select(h => (double)h / runs).ToArray(), (double)totalRounds / runs);
    }
}
