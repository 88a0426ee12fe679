using Polder.Behaviour;

namespace Polder.Analysis;

/// <summary>First-response time distributions per organisation from a behaviour report.</summary>
internal static class ResponseTimes
{
    /// <summary>One distribution per responding organisation (busiest first); "(iedereen)" when no organisation responds.</summary>
    public static IReadOnlyList<ResponseTimeDistribution> Of(BehaviourReport r)
    {
        var byOrg = r.Conversations.GroupBy(c => c.ResponderId ?? "(iedereen)", StringComparer.Ordinal);
        return byOrg
            .Select(g =>
            {
                var list = g.ToList();
                var waits = list.Where(c => c.Wait is not null).Select(c => c.Wait!.Value.TotalHours).Order().ToArray();
                return new ResponseTimeDistribution(g.Key, ResponseTimeSummary.From(list), waits);
            })
            .OrderByDescending(d => d.Summary.Conversations).ThenBy(d => d.Organisation, StringComparer.Ordinal)
            .ToArray();
    }
}
