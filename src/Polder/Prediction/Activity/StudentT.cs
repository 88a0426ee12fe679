namespace Polder.Prediction.Activity;

/// <summary>Upper quantiles of Student's t distribution for prediction intervals on short series.</summary>
internal static class StudentT
{
    // the 0.90 quantile for 1..10, 15, 20, 30 degrees of freedom and the normal limit (standard tables)
    private static readonly (int Df, double Q)[] Q90 =
        [(1, 3.078), (2, 1.886), (3, 1.638), (4, 1.533), (5, 1.476), (6, 1.440), (7, 1.415), (8, 1.397), (9, 1.383), (10, 1.372), (15, 1.341), (20, 1.325), (30, 1.310), (int.MaxValue, 1.2816)];

    /// <summary>The 0.90 quantile (the upper bound of a central 80 % interval) with <paramref name="df"/> ≥ 1 degrees of freedom; linear between table entries, conservative.</summary>
    public static double Quantile90(int df)
    {
        if (df < 1) throw new ArgumentOutOfRangeException(nameof(df));
        for (int i = 0; i < Q90.Length; i++)
        {
            if (Q90[i].Df == df) return Q90[i].Q;
            if (Q90[i].Df > df)
            {
                var (d0, q0) = Q90[i - 1];
                var (d1, q1) = Q90[i];
                if (d1 == int.MaxValue) return q0; // between 30 and infinity: keep the wider value
                return q0 + (q1 - q0) * (df - d0) / (d1 - d0);
            }
        }
        return Q90[^1].Q;
    }
}
