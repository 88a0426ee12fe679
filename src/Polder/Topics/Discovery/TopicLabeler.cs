namespace Polder.Topics.Discovery;

/// <summary>
/// Class-based TF-IDF (Grootendorst 2022, BERTopic's c-TF-IDF): a term's frequency within a topic's posts, times
/// <c>log(1 + A / f)</c> with <c>A</c> the mean number of term occurrences per topic and <c>f</c> the term's count in
/// all posts — words frequent in one topic and rare elsewhere name it.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class TopicLabeler
{
    /// <summary>The <paramref name="top"/> best term ids per topic, from raw counts and each row's topic (−1 ignored).</summary>
    public static int[][] TopTerms(SparseRows counts, int[] topic, int topics, int top)
    {
        int m = counts.ColumnCount;
        var perTopic = new double[topics * m];
        var total = new double[m];
        var words = new double[topics];
        for (int r = 0; r < counts.RowCount; r++)
        {
            int t = topic[r];
            if (t < 0) continue;
            var cols = counts.ColumnsOf(r); var vals = counts.ValuesOf(r);
            for (int j = 0; j < cols.Length; j++)
            {
                perTopic[t * m + cols[j]] += vals[j];
                total[cols[j]] += vals[j];
                words[t] += vals[j];
            }
        }
        double a = words.Sum() / Math.Max(1, topics);
        var result = new int[topics][];
        for (int t = 0; t < topics; t++)
        {
            var scores = new List<(double Score, int Term)>();
            for (int c = 0; c < m; c++)
            {
                double f = perTopic[t * m + c];
                if (f <= 0) continue;
                scores.Add((f / Math.Max(1, words[t]) * Math.Log(1 + a / total[c]), c));
            }
            result[t] = scores.OrderByDescending(s => s.Score).ThenBy(s => s.Term).Take(top).Select(s => s.Term).ToArray();
        }
        return result;
    }

    /// <summary>
    /// A label of <paramref name="size"/> items from ranked terms: a term whose words are already in the label is skipped,
    /// so "container" does not follow "ondergrondse container", nor an inflection of a word already there.
    /// </summary>
    public static string Label(IEnumerable<int> ranked, DiscoveryVocabulary vocabulary, int size)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<string>();
        foreach (var t in ranked)
        {
            var stems = vocabulary.Keys[t].Split(' ');
            if (stems.Any(used.Contains)) continue;
            // an inflection the stemmer did not join ("course" after "courses", English posts under a Dutch stemmer)
            if (items.Any(i => IsVariant(i, vocabulary.Surfaces[t]))) continue;
            items.Add(vocabulary.Surfaces[t]);
            foreach (var s in stems) used.Add(s);
            if (items.Count == size) break;
        }
        return string.Join(", ", items);
    }

    private static bool IsVariant(string a, string b) =>
        Math.Abs(a.Length - b.Length) <= 2 && Math.Min(a.Length, b.Length) >= 4
        && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal));
}
