namespace Polder.Prediction.Learners;

/// <summary>Settings of <see cref="SparseLogisticRegression.Train"/>.</summary>
public sealed record LogisticOptions
{
    /// <summary>L2 penalty per row-weight unit (larger = simpler model).</summary>
    public double L2 { get; init; } = 1e-4;
    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = 30;
    /// <summary>AdaGrad step size.</summary>
    public double LearningRate { get; init; } = 0.2;
    /// <summary>Seed of the row order.</summary>
    public int Seed { get; init; } = 42;
}

/// <summary>
/// Binomial logistic regression on sparse rows: each row has a count of successes out of a number of trials, so
/// aggregated cells (k of n readers) train exactly like their individual judgments. Trained by AdaGrad with an L2 penalty,
/// deterministic for a seed. Weights are returned; the caller owns them.
/// </summary>
public static class SparseLogisticRegression
{
    /// <summary>Trains weights (index 0 of <paramref name="dimension"/> is not special: add a bias feature yourself).</summary>
    public static double[] Train(IReadOnlyList<SparseVector> rows, IReadOnlyList<double> successes, IReadOnlyList<double> trials, int dimension, LogisticOptions options)
    {
        var w = new double[dimension];
        var g2 = new double[dimension];
        var order = Enumerable.Range(0, rows.Count).ToArray();
        var rng = new Random(options.Seed);
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (var r in order)
            {
                var x = rows[r];
                double z = x.Dot(w);
                double p = 1 / (1 + Math.Exp(-z));
                double grad = trials[r] * p - successes[r];
                // L2 spread over rows in proportion to their weight, applied to the touched coordinates.
                double l2 = options.L2 * trials[r];
                for (int i = 0; i < x.Indices.Length; i++)
                {
                    int j = x.Indices[i];
                    double g = grad * x.Values[i] + l2 * w[j];
                    g2[j] += g * g;
                    w[j] -= options.LearningRate * g / (Math.Sqrt(g2[j]) + 1e-8);
                }
            }
        }
        return w;
    }

    /// <summary>The logistic function.</summary>
    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
