namespace Polder.Behaviour;

/// <summary>
/// Summary of first-response times: unanswered conversations are counted but excluded from the mean, median, p90 and
/// bands. Times in hours. Immutable.
/// </summary>
/// <param name="Conversations">All conversations.</param>
/// <param name="Answered">Conversations with a reaction.</param>
/// <param name="MeanHours">Mean wait of the answered ones (NaN when none).</param>
/// <param name="MedianHours">Median wait (<see cref="Statistics.Quantile"/> with q = 0.5).</param>
/// <param name="P90Hours">90th percentile wait.</param>
/// <param name="BandCounts">Answered conversations per band of <see cref="ResponseTimeBands"/> (8 counts).</param>
public sealed record ResponseTimeSummary(int Conversations, int Answered, double MeanHours, double MedianHours, double P90Hours, IReadOnlyList<int> BandCounts)
{
    /// <summary>Conversations never answered.</summary>
    public int Unanswered => Conversations - Answered;

    /// <summary>Share of conversations answered (NaN when there are none).</summary>
    public double AnsweredShare => Conversations == 0 ? double.NaN : (double)Answered / Conversations;

    /// <summary>Summarises conversations.</summary>
    public static ResponseTimeSummary From(IEnumerable<ConversationResponse> conversations)
    {
        int n = 0;
        var waits = new List<double>();
        var bands = new int[ResponseTimeBands.Labels.Count];
        foreach (var c in conversations)
        {
            n++;
            if (c.Wait is { } w)
            {
                waits.Add(w.TotalHours);
                bands[ResponseTimeBands.BandOf(w)]++;
            }
        }
        waits.Sort();
        return new ResponseTimeSummary(n, waits.Count,
            waits.Count == 0 ? double.NaN : waits.Average(),
            Statistics.Quantile(waits, 0.5), Statistics.Quantile(waits, 0.9), bands);
    }
}
