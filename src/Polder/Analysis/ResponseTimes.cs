using Polder.Behaviour;

namespace Polder.Analysis;

/// <summary>First-response time distributions per organisation from a behaviour report.</summary>
internal static class ResponseTimes
{
    /// <summary>One distribution per responding organisation (busiest first); "(iedereen)" when no organisation responds.</summary>
    public static IReadOnlyList<ResponseTimeDistribution> Of(BehaviourReport r)
    {
        // one pass, a summary builder per organisation (not a list of its conversations: millions in a big community)
        var byOrg = new Dictionary<string, ResponseTimeSummary.Builder>(StringComparer.Ordinal);
        foreach (var c in ConversationTimes.Of(r.Conversations))
        {
            var org = c.ResponderId ?? "(iedereen)";
            if (!byOrg.TryGetValue(org, out var b)) byOrg[org] = b = new ResponseTimeSummary.Builder();
            b.Add(c.Wait);
        }
        return byOrg
            .Select(kv => { var summary = kv.Value.Build(); return new ResponseTimeDistribution(kv.Key, summary, kv.Value.SortedWaits.ToArray()); })
            .OrderByDescending(d => d.Summary.Conversations).ThenBy(d => d.Organisation, StringComparer.Ordinal)
            .ToArray();
    }
}
