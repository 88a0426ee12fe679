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
    public sealed record Result(double ExpectedReach, double[] ReachProbability, double MeanRounds)
    {
        /// <summary>Number of simulated cascades.</summary>
        public int Runs { get; init; }

        /// <summary>Standard error of <see cref="ExpectedReach"/> (standard deviation of the reach over runs / √runs).</summary>
        public double ReachStandardError { get; init; }
    }

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
        // the pass-on probability of every edge once, not once per run
        var pass = new double[g.OutTargets.Length];
        for (int e = 0; e < pass.Length; e++) pass[e] = weighted ? 1 - Math.Pow(1 - probability, g.OutWeights[e]) : probability;
        long totalReach = 0, totalRounds = 0;
        double sumSq = 0;
        for (int r = 0; r < runs; r++)
        {
            frontier.Clear();
            long before = totalReach;
            foreach (var s in seeds) if (reachedAt[s] != r) { reachedAt[s] = r; frontier.Add(s); hits[s]++; totalReach++; }
            int rounds = 0;
            while (frontier.Count > 0)
            {
                next.Clear();
                foreach (var v in frontier)
                {
                    for (int e = g.OutOffsets[v]; e < g.OutOffsets[v + 1]; e++)
                    {
                        int u = g.OutTargets[e];
                        if (reachedAt[u] == r) continue;
                        if (rng.NextDouble() < pass[e]) { reachedAt[u] = r; next.Add(u); hits[u]++; totalReach++; }
                    }
                }
                if (next.Count > 0) rounds++;
                (frontier, next) = (next, frontier);
            }
            totalRounds += rounds;
            double reach = totalReach - before;
            sumSq += reach * reach;
        }
        double mean = runs == 0 ? 0 : (double)totalReach / runs;
        double se = runs > 1 ? Math.Sqrt(Math.Max(0, (sumSq - runs * mean * mean) / (runs - 1)) / runs) : 0;
        return new Result(mean, hits.Select(h => runs == 0 ? 0 : (double)h / runs).ToArray(), runs == 0 ? 0 : (double)totalRounds / runs)
        {
            Runs = runs, ReachStandardError = se,
        };
    }
}
