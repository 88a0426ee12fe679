namespace Polder.Topics.Discovery;

/// <summary>
/// How a fitted method places one TF-IDF vector among its topics: a score per topic (non-negative), from which the
/// topic is the highest and its weight that score's share of the total. Immutable and thread-safe.
/// </summary>
internal abstract class TopicAssigner
{
    protected TopicAssigner(int topics) => Topics = topics;

    public int Topics { get; }

    /// <summary>Fills <paramref name="scores"/> (length <see cref="Topics"/>) for a normalised TF-IDF vector.</summary>
    public abstract void Score(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<float> scores);

    /// <summary>The best topic and its share of the scores; topic −1 when nothing scores (no known term).</summary>
    public TopicAssignment Assign(ReadOnlySpan<int> columns, ReadOnlySpan<float> values)
    {
        Span<float> scores = stackalloc float[Topics];
        Score(columns, values, scores);
        return FromScores(scores);
    }

    public static TopicAssignment FromScores(ReadOnlySpan<float> scores)
    {
        int arg = -1; double total = 0;
        for (int t = 0; t < scores.Length; t++)
        {
            if (scores[t] <= 0) continue;
            total += scores[t];
            if (arg < 0 || scores[t] > scores[arg]) arg = t;
        }
        return arg < 0 ? TopicAssignment.None : new TopicAssignment(arg, (float)(scores[arg] / total)) { Affinity = scores[arg] };
    }

    /// <summary>NMF: the non-negative least-squares weights of the vector on the topics' term rows.</summary>
    public sealed class Nmf(float[] h, int k) : TopicAssigner(k)
    {
        private readonly double[] _gram = GramOf(h, k);

        private static double[] GramOf(float[] h, int k)
        {
            var g = new double[k * k];
            NmfHals.Gram(h, h.Length / k, k, g);
            return g;
        }

        public override void Score(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<float> scores) =>
            NmfHals.Project(columns, values, h, _gram, Topics, scores);
    }

    /// <summary>Spherical k-means: cosine with each centroid (negative ones count as 0).</summary>
    public sealed class Centroids(float[] centroids, int k) : TopicAssigner(k)
    {
        public override void Score(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<float> scores) =>
            SparseRows.Multiply(columns, values, centroids, Topics, scores);
    }

    /// <summary>k-means on LSA: the vector projected on the singular vectors, normalised, then cosine with each centroid.</summary>
    public sealed class Lsa(float[] v, int dimensions, float[] centroids, int k) : TopicAssigner(k)
    {
        public override void Score(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<float> scores)
        {
            Span<float> z = stackalloc float[dimensions];
            SparseRows.Multiply(columns, values, v, dimensions, z);
            double norm = 0;
            foreach (var f in z) norm += f * f;
            if (norm <= 0) { scores.Clear(); return; }
            float inv = (float)(1 / Math.Sqrt(norm));
            scores.Clear();
            for (int d = 0; d < dimensions; d++)
            {
                float zd = z[d] * inv;
                var c = centroids.AsSpan(d * Topics, Topics);
                for (int t = 0; t < Topics; t++) scores[t] += zd * c[t];
            }
        }
    }
}
