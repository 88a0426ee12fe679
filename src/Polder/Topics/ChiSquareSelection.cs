namespace Polder.Topics;

/// <summary>
/// Feature selection by the chi-squared statistic between each feature and the labels, as scikit-learn's
/// <c>chi2</c>: observed = the sum of a feature's values over the texts of a label, expected = the feature's
/// total times the label's share of texts; a feature's score is the sum over labels of (observed − expected)² /
/// expected. Computed on training data only.
/// </summary>
internal static class ChiSquareSelection
{
    /// <summary>
    /// The <paramref name="count"/> features with the highest score, in ascending feature order (ties go to the
    /// lower feature index, so the choice is deterministic).
    /// </summary>
    /// <param name="vectors">Sparse feature vectors (indices and non-negative values).</param>
    /// <param name="labelsOf">The label indices of each text (one or more).</param>
    /// <param name="labelCount">Number of labels.</param>
    /// <param name="dimension">Number of features.</param>
    /// <param name="count">How many features to keep.</param>
    public static int[] Select((int[] Indices, float[] Values)[] vectors, IReadOnlyList<int[]> labelsOf, int labelCount, int dimension, int count)
    {
        var scores = Scores(vectors, labelsOf, labelCount, dimension);
        if (count >= dimension) return Enumerable.Range(0, dimension).ToArray();
        var order = Enumerable.Range(0, dimension).ToArray();
        // descending score, then ascending index
        Array.Sort(order, (a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        var kept = order.AsSpan(0, count).ToArray();
        Array.Sort(kept);
        return kept;
    }

    /// <summary>The chi-squared score of every feature.</summary>
    public static double[] Scores((int[] Indices, float[] Values)[] vectors, IReadOnlyList<int[]> labelsOf, int labelCount, int dimension)
    {
        if (vectors.Length != labelsOf.Count) throw new ArgumentException("vectors and labels differ in length");
        // observed[f * k + c]: sum of feature f over texts labelled c
        int k = labelCount;
        var observed = new double[(long)dimension * k];
        var labelMass = new double[k];
        var total = new double[dimension];
        for (int i = 0; i < vectors.Length; i++)
        {
            var (idx, val) = vectors[i];
            foreach (int c in labelsOf[i])
            {
                labelMass[c]++;
                for (int j = 0; j < idx.Length; j++) observed[(long)idx[j] * k + c] += val[j];
            }
            for (int j = 0; j < idx.Length; j++) total[idx[j]] += val[j];
        }
        double mass = labelMass.Sum();
        var scores = new double[dimension];
        for (int f = 0; f < dimension; f++)
        {
            double s = 0;
            for (int c = 0; c < k; c++)
            {
                double expected = total[f] * labelMass[c] / mass;
                if (expected <= 0) continue;
                double d = observed[(long)f * k + c] - expected;
                s += d * d / expected;
            }
            scores[f] = s;
        }
        return scores;
    }
}
