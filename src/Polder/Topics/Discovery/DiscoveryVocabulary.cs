using System.Runtime.InteropServices;
using Polder.Text;

namespace Polder.Topics.Discovery;

/// <summary>
/// The terms of a fitted topic model with their inverse document frequency and the form they were most often
/// written in; turns a text into its sublinear, L2-normalised TF-IDF vector. Immutable and thread-safe once built.
/// </summary>
internal sealed class DiscoveryVocabulary
{
    private readonly Dictionary<string, int> _index;

    private DiscoveryVocabulary(string[] keys, string[] surfaces, float[] idf, int[] documentFrequency, bool phrases)
    {
        Keys = keys; Surfaces = surfaces; Idf = idf; DocumentFrequency = documentFrequency; Phrases = phrases;
        _index = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (int i = 0; i < keys.Length; i++) _index[keys[i]] = i;
    }

    /// <summary>Term keys (stems, or two stems for a phrase).</summary>
    public string[] Keys { get; }
    /// <summary>The lower-case form each term was most often written in.</summary>
    public string[] Surfaces { get; }
    public float[] Idf { get; }
    public int[] DocumentFrequency { get; }
    public bool Phrases { get; }
    public int Count => Keys.Length;

    /// <summary>
    /// Counts the terms of <paramref name="documents"/> and keeps those in at least <paramref name="minDf"/> documents
    /// and at most <paramref name="maxDfShare"/> of them, the <paramref name="maxTerms"/> most frequent (ties by key).
    /// Returns the vocabulary and the documents' raw term counts.
    /// </summary>
    public static (DiscoveryVocabulary Vocabulary, SparseRows Counts) Build(
        IReadOnlyList<TextDocument> documents, bool phrases, int minDf, double maxDfShare, int maxTerms)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new List<int>();
        var surfaceCounts = new List<Dictionary<string, int>>();
        var docTerms = new List<int>[documents.Count];
        var seen = new HashSet<int>();
        for (int d = 0; d < documents.Count; d++)
        {
            var list = docTerms[d] = [];
            seen.Clear();
            DiscoveryTerms.Visit(documents[d], phrases, (key, surface) =>
            {
                ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, key, out bool exists);
                if (!exists) { id = df.Count; df.Add(0); surfaceCounts.Add(new Dictionary<string, int>(StringComparer.Ordinal)); }
                int t = id;
                list.Add(t);
                if (seen.Add(t)) df[t]++;
                var sc = surfaceCounts[t];
                sc[surface] = sc.GetValueOrDefault(surface) + 1;
            });
        }
        int maxDf = Math.Max(minDf, (int)Math.Floor(maxDfShare * documents.Count));
        var kept = ids.Where(p => df[p.Value] >= minDf && df[p.Value] <= maxDf)
            .OrderByDescending(p => df[p.Value]).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(maxTerms).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        var map = new int[df.Count];
        Array.Fill(map, -1);
        var keys = new string[kept.Length];
        var surfaces = new string[kept.Length];
        var idf = new float[kept.Length];
        var dfs = new int[kept.Length];
        int n = documents.Count;
        for (int i = 0; i < kept.Length; i++)
        {
            int old = kept[i].Value;
            map[old] = i;
            keys[i] = kept[i].Key;
            surfaces[i] = surfaceCounts[old].OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
            dfs[i] = df[old];
            idf[i] = (float)(Math.Log((1.0 + n) / (1.0 + df[old])) + 1.0); // smoothed, as scikit-learn's TfidfVectorizer
        }
        var vocabulary = new DiscoveryVocabulary(keys, surfaces, idf, dfs, phrases);
        var starts = new int[n + 1];
        var columns = new List<int>();
        var values = new List<float>();
        var counts = new SortedDictionary<int, int>();
        for (int d = 0; d < n; d++)
        {
            counts.Clear();
            foreach (var t in docTerms[d]) if (map[t] >= 0) counts[map[t]] = counts.GetValueOrDefault(map[t]) + 1;
            foreach (var (c, v) in counts) { columns.Add(c); values.Add(v); }
            starts[d + 1] = columns.Count;
        }
        return (vocabulary, new SparseRows(starts, columns.ToArray(), values.ToArray(), kept.Length));
    }

    /// <summary>Raw term counts of one document (known terms only), columns ascending.</summary>
    public (int[] Columns, float[] Counts) CountTerms(TextDocument document)
    {
        var counts = new SortedDictionary<int, int>();
        DiscoveryTerms.Visit(document, Phrases, (key, _) =>
        {
            if (_index.TryGetValue(key, out int t)) counts[t] = counts.GetValueOrDefault(t) + 1;
        });
        return (counts.Keys.ToArray(), counts.Values.Select(v => (float)v).ToArray());
    }

    /// <summary>Sublinear TF-IDF, L2-normalised, in place: <c>(1 + ln tf) · idf</c>.</summary>
    public void Weigh(ReadOnlySpan<int> columns, Span<float> values)
    {
        double norm = 0;
        for (int j = 0; j < columns.Length; j++)
        {
            float w = (1f + MathF.Log(values[j])) * Idf[columns[j]];
            values[j] = w;
            norm += (double)w * w;
        }
        if (norm > 0)
        {
            float inv = (float)(1 / Math.Sqrt(norm));
            for (int j = 0; j < values.Length; j++) values[j] *= inv;
        }
    }

    /// <summary>The TF-IDF rows of raw counts.</summary>
    public SparseRows Weigh(SparseRows counts)
    {
        var values = (float[])counts.Values.Clone();
        for (int r = 0; r < counts.RowCount; r++)
            Weigh(counts.ColumnsOf(r), values.AsSpan(counts.Starts[r], counts.Starts[r + 1] - counts.Starts[r]));
        return new SparseRows(counts.Starts, counts.Columns, values, counts.ColumnCount);
    }
}
