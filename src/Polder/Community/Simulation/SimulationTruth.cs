namespace Polder.Community.Simulation;

/// <summary>What the simulator planted, for checking that the metrics recover it. Filled while a simulation runs.</summary>
public sealed class SimulationTruth
{
    internal SimulationTruth(SimulationOptions options, string organisationId)
    {
        Options = options;
        OrganisationId = organisationId;
    }

    /// <summary>The options (and so the planted parameters) of the run.</summary>
    public SimulationOptions Options { get; }

    /// <summary>The municipality's webcare account.</summary>
    public string OrganisationId { get; }

    /// <summary>Planted median first-response time (hours).</summary>
    public double MedianResponseHours => Options.MedianResponseHours;

    /// <summary>Planted probability that webcare answers a conversation.</summary>
    public double ResponseProbability => Options.ResponseProbability;

    /// <summary>Neighbourhood of every citizen and business (the planted interaction communities).</summary>
    public IReadOnlyDictionary<string, string> NeighbourhoodOf => _neighbourhood;
    internal readonly Dictionary<string, string> _neighbourhood = new(StringComparer.Ordinal);

    /// <summary>Posts generated.</summary>
    public long Posts { get; internal set; }

    /// <summary>Threads generated.</summary>
    public long Threads { get; internal set; }

    /// <summary>Conversations with a citizen waiting for webcare (addressed questions, and announcements that got a citizen reply).</summary>
    public long Conversations { get; internal set; }

    /// <summary>Of those, answered by webcare.</summary>
    public long Answered { get; internal set; }

    /// <summary>The drawn waits in hours, per answered conversation, in generation order.</summary>
    public IReadOnlyList<double> WaitsHours => _waits;
    internal readonly List<double> _waits = [];

    /// <summary>Citizen replies whose author lives in the same neighbourhood as the replied-to author.</summary>
    public long CitizenRepliesWithinNeighbourhood { get; internal set; }

    /// <summary>All citizen-to-citizen replies.</summary>
    public long CitizenReplies { get; internal set; }

    /// <summary>Mood per topic and day (−1 … 1), the drifting sentiment that picks the tone of templates.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> MoodByTopic => _mood.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<double>)kv.Value);
    internal readonly Dictionary<string, List<double>> _mood = new(StringComparer.Ordinal);

    /// <summary>The planted events with what they added, in the order of <see cref="SimulationOptions.Events"/> (filled when the run ends).</summary>
    public IReadOnlyList<PlantedEventTruth> Events => _events;
    internal readonly List<PlantedEventTruth> _events = [];

    /// <summary>The planted topic of every thread (by thread id); empty unless <see cref="SimulationOptions.RecordLabels"/>.</summary>
    public IReadOnlyDictionary<string, string> TopicOfThread => _threadTopic;
    internal readonly Dictionary<string, string> _threadTopic = new(StringComparer.Ordinal);

    /// <summary>The tone of the template behind every post (−1, 0, 1; by post id); empty unless <see cref="SimulationOptions.RecordLabels"/>.</summary>
    public IReadOnlyDictionary<string, int> ToneOfPost => _tone;
    internal readonly Dictionary<string, int> _tone = new(StringComparer.Ordinal);
}
