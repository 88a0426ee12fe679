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
        var b = new Builder();
        foreach (var c in conversations) b.Add(c);
        return b.Build();
    }

    /// <summary>Summarises a report's conversations, reading compact rows without making their records (<see cref="ConversationTimes"/>).</summary>
    internal static ResponseTimeSummary OfTimes(IReadOnlyList<ConversationResponse> conversations)
    {
        var b = new Builder();
        foreach (var c in ConversationTimes.Of(conversations)) b.Add(c.Wait);
        return b.Build();
    }

    /// <summary>
    /// Summarises conversations one at a time, keeping a wait (8 bytes) per answered one rather than the conversation, so
    /// many groups of a big community can be summarised in one pass. Not thread-safe.
    /// </summary>
    internal sealed class Builder
    {
        private int _n;
        private readonly List<double> _waits = [];
        private readonly int[] _bands = new int[ResponseTimeBands.Labels.Count];

        /// <summary>Counts a conversation.</summary>
        public void Add(ConversationResponse c) => Add(c.Wait);

        /// <summary>Counts a conversation with this wait (null: unanswered).</summary>
        public void Add(TimeSpan? wait)
        {
            _n++;
            if (wait is { } w)
            {
                _waits.Add(w.TotalHours);
                _bands[ResponseTimeBands.BandOf(w)]++;
            }
        }

        /// <summary>The waits of the answered conversations in hours, sorted (valid after <see cref="Build"/>).</summary>
        public IReadOnlyList<double> SortedWaits => _waits;

        /// <summary>The summary of the conversations counted.</summary>
        public ResponseTimeSummary Build()
        {
            _waits.Sort();
            return new ResponseTimeSummary(_n, _waits.Count,
                _waits.Count == 0 ? double.NaN : _waits.Average(),
                Statistics.Quantile(_waits, 0.5), Statistics.Quantile(_waits, 0.9), _bands.ToArray());
        }
    }
}
