namespace Polder.Topics.Discovery;

/// <summary>Agreement between two partitions of the same items, to score discovered topics against gold labels.</summary>
public static class ClusterAgreement
{
    /// <summary>
    /// Normalised mutual information with arithmetic-mean normalisation, <c>I(A;B) / ((H(A) + H(B)) / 2)</c>, as
    /// scikit-learn's <c>normalized_mutual_info_score</c> by default: 1 for identical partitions (up to renaming),
    /// near 0 for independent ones; 1 when both put everything in one group.
    /// </summary>
    /// <typeparam name="TA">Label type of the first partition.</typeparam>
    /// <typeparam name="TB">Label type of the second partition.</typeparam>
    /// <param name="a">One label per item.</param>
    /// <param name="b">One label per item, the same items in the same order.</param>
    public static double NormalizedMutualInformation<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b)
        where TA : notnull where TB : notnull
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException($"{a.Count} labels against {b.Count}", nameof(b));
        int n = a.Count;
        if (n == 0) return 1.0;
        var joint = new Dictionary<(TA, TB), int>();
        var ca = new Dictionary<TA, int>();
        var cb = new Dictionary<TB, int>();
        for (int i = 0; i < n; i++)
        {
            joint[(a[i], b[i])] = joint.GetValueOrDefault((a[i], b[i])) + 1;
            ca[a[i]] = ca.GetValueOrDefault(a[i]) + 1;
            cb[b[i]] = cb.GetValueOrDefault(b[i]) + 1;
        }
        if (ca.Count == 1 && cb.Count == 1) return 1.0;
        double mi = 0;
        foreach (var ((x, y), nxy) in joint)
            mi += (double)nxy / n * Math.Log((double)nxy * n / ((double)ca[x] * cb[y]));
        double ha = Entropy(ca.Values, n), hb = Entropy(cb.Values, n);
        double norm = (ha + hb) / 2;
        return norm <= 0 ? 0 : Math.Max(0, mi) / norm;
    }

    private static double Entropy(IEnumerable<int> counts, int n) =>
        -counts.Sum(c => (double)c / n * Math.Log((double)c / n));
}
