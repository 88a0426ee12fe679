namespace Polder.Prediction.Learners;

/// <summary>A sparse feature vector: sorted distinct indices and their values.</summary>
/// <param name="Indices">Feature indices (ascending).</param>
/// <param name="Values">Values, one per index.</param>
public readonly record struct SparseVector(int[] Indices, float[] Values)
{
    /// <summary>The empty vector.</summary>
    public static SparseVector Empty { get; } = new([], []);

    /// <summary>Number of non-zero entries.</summary>
    public int Count => Indices.Length;

    /// <summary>Dot product with a dense weight vector.</summary>
    public double Dot(ReadOnlySpan<double> weights)
    {
        double s = 0;
        for (int i = 0; i < Indices.Length; i++) s += weights[Indices[i]] * Values[i];
        return s;
    }

    /// <summary>Builds a vector from (index, value) pairs, summing duplicates.</summary>
    public static SparseVector From(IEnumerable<KeyValuePair<int, float>> pairs)
    {
        var d = new SortedDictionary<int, float>();
        foreach (var (k, v) in pairs) d[k] = d.GetValueOrDefault(k) + v;
        return new SparseVector([.. d.Keys], [.. d.Values]);
    }
}
