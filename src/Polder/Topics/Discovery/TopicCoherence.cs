using Polder.Text;

namespace Polder.Topics.Discovery;

/// <summary>
/// Coherence of discovered topics: the mean normalised pointwise mutual information (NPMI, Bouma 2009; Röder et al.
/// 2015) of every pair of a topic's top terms, from their co-occurrence in the same posts. −1: never together,
/// 0: independent, 1: always together. A pair never seen together counts −1.
/// </summary>
public static class TopicCoherence
{
    /// <summary>Mean NPMI over the topics (each the mean over pairs of its first <paramref name="top"/> terms), measured on <paramref name="texts"/>.</summary>
    public static double Npmi(IReadOnlyList<DiscoveredTopic> topics, IReadOnlyList<string> texts, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(texts);
        var wanted = topics.SelectMany(t => t.TermKeys.Take(top)).ToHashSet(StringComparer.Ordinal);
        bool phrases = wanted.Any(w => w.Contains(' '));
        var postings = wanted.ToDictionary(w => w, _ => new List<int>(), StringComparer.Ordinal);
        for (int d = 0; d < texts.Count; d++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            DiscoveryTerms.Visit(TextDocument.Create(texts[d]), phrases, (key, _) =>
            {
                if (postings.TryGetValue(key, out var list) && seen.Add(key)) list.Add(d);
            });
        }
        double n = texts.Count, sum = 0;
        int counted = 0;
        foreach (var topic in topics)
        {
            var keys = topic.TermKeys.Take(top).ToArray();
            if (keys.Length < 2) continue;
            double s = 0; int pairs = 0;
            for (int i = 0; i < keys.Length; i++)
                for (int j = i + 1; j < keys.Length; j++, pairs++)
                {
                    var a = postings[keys[i]]; var b = postings[keys[j]];
                    int both = a.Intersect(b).Count();
                    if (both == 0) { s -= 1; continue; }
                    double pab = both / n, pa = a.Count / n, pb = b.Count / n;
                    s += pab >= 1 ? 1 : Math.Log(pab / (pa * pb)) / -Math.Log(pab);
                }
            sum += s / pairs; counted++;
        }
        return counted == 0 ? double.NaN : sum / counted;
    }
}
