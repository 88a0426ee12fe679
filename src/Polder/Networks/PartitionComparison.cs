namespace Polder.Networks;

/// <summary>Agreement between two partitions of the same items: normalised mutual information and the adjusted Rand index.</summary>
public static class PartitionComparison
{
    /// <summary>
    /// NMI with arithmetic-mean normalisation, 2·I(A;B) / (H(A)+H(B)) (scikit-learn's default and igraph's "nmi");
    /// 1 when both partitions are a single block.
    /// </summary>
    public static double NormalizedMutualInformation<T1, T2>(IReadOnlyList<T1> a, IReadOnlyList<T2> b)
        where T1 : notnull where T2 : notnull
    {
        var (table, ra, rb, n) = Contingency(a, b);
        if (n == 0) return 1;
        double ha = Entropy(ra, n), hb = Entropy(rb, n);
        if (ha + hb == 0) return 1;
        double mi = 0;
        foreach (var ((i, j), nij) in table)
            mi += nij / (double)n * Math.Log((double)nij * n / ((double)ra[i] * rb[j]));
        return Math.Clamp(2 * mi / (ha + hb), 0, 1);
    }

    /// <summary>Adjusted Rand index (Hubert and Arabie): 1 for identical partitions, about 0 for random ones.</summary>
    public static double AdjustedRandIndex<T1, T2>(IReadOnlyList<T1> a, IReadOnlyList<T2> b)
        where T1 : notnull where T2 : notnull
    {
        var (table, ra, rb, n) = Contingency(a, b);
        static double C2(long x) => x * (x - 1) / 2.0;
        double sumIj = table.Values.Sum(x => C2(x)), sumA = ra.Sum(x => C2(x)), sumB = rb.Sum(x => C2(x));
        double expected = sumA * sumB / C2(n);
        double max = (sumA + sumB) / 2;
        if (max == expected) return 1;
        return (sumIj - expected) / (max - expected);
    }

    private static double Entropy(long[] counts, long n)
    {
        double h = 0;
        foreach (var c in counts) if (c > 0) h -= c / (double)n * Math.Log(c / (double)n);
        return h;
    }

    private static (Dictionary<(int, int), long> Table, long[] RowA, long[] RowB, long N) Contingency<T1, T2>(IReadOnlyList<T1> a, IReadOnlyList<T2> b)
        where T1 : notnull where T2 : notnull
    {
        if (a.Count != b.Count) throw new ArgumentException("partitions must cover the same items");
        var ia = new Dictionary<T1, int>(); var ib = new Dictionary<T2, int>();
        var table = new Dictionary<(int, int), long>();
        var la = new List<long>(); var lb = new List<long>();
        for (int k = 0; k < a.Count; k++)
        {
            if (!ia.TryGetValue(a[k], out var i)) { i = ia.Count; ia[a[k]] = i; la.Add(0); }
            if (!ib.TryGetValue(b[k], out var j)) { j = ib.Count; ib[b[k]] = j; lb.Add(0); }
            la[i]++; lb[j]++;
            table[(i, j)] = table.GetValueOrDefault((i, j)) + 1;
        }
        return (table, la.ToArray(), lb.ToArray(), a.Count);
    }
}
