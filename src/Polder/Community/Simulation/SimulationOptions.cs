namespace Polder.Community.Simulation;

/// <summary>Parameters of <see cref="CommunitySimulator"/>. The planted truth is returned with the simulation. Immutable.</summary>
public sealed record SimulationOptions
{
    /// <summary>Random seed; the same seed and options give the same community.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Name of the (fictional) municipality.</summary>
    public string Municipality { get; init; } = "Polderstad";
    /// <summary>Inhabitants of the municipality (for size classes).</summary>
    public int Population { get; init; } = 62_000;
    /// <summary>First local day simulated.</summary>
    public DateOnly Start { get; init; } = new(2024, 1, 1);
    /// <summary>Days simulated.</summary>
    public int Days { get; init; } = 60;
    /// <summary>Citizen accounts.</summary>
    public int Citizens { get; init; } = 300;
    /// <summary>Local business accounts.</summary>
    public int Businesses { get; init; } = 12;
    /// <summary>Neighbourhoods (wijken); each citizen and business lives in one (planted communities).</summary>
    public IReadOnlyList<string> Neighbourhoods { get; init; } = ["Centrum", "Oosterpolder", "Westwijk", "Noordhaven", "De Akkers", "Zuidrand"];
    /// <summary>Mean new threads per day.</summary>
    public double ThreadsPerDay { get; init; } = 8;
    /// <summary>Share of threads that a citizen opens addressed to the municipality (the rest: announcements, posts, businesses).</summary>
    public double QuestionShare { get; init; } = 0.6;
    /// <summary>Probability that webcare answers a conversation.</summary>
    public double ResponseProbability { get; init; } = 0.8;
    /// <summary>Planted median first-response time in hours (log-normal delays).</summary>
    public double MedianResponseHours { get; init; } = 3.0;
    /// <summary>Log-scale spread of the delays (σ of ln hours).</summary>
    public double ResponseSigma { get; init; } = 1.0;
    /// <summary>Probability that a citizen reply comes from the opener's own neighbourhood.</summary>
    public double WithinNeighbourhood { get; init; } = 0.85;
    /// <summary>Mean citizen replies per thread.</summary>
    public double MeanCitizenReplies { get; init; } = 1.5;
    /// <summary>Keep post texts (false saves memory in very large simulations).</summary>
    public bool KeepText { get; init; } = true;
    /// <summary>New issues planted on given days (see <see cref="PlantedEvent"/>); none by default.</summary>
    public IReadOnlyList<PlantedEvent> Events { get; init; } = [];
    /// <summary>Record each thread's planted topic and each post's planted tone in <see cref="SimulationTruth"/> (memory grows with the posts).</summary>
    public bool RecordLabels { get; init; }
}
