using Polder.Community.Simulation;

namespace Polder.Topics.Alerts;

/// <summary>Settings of <see cref="AlertEvaluation"/>: which simulated communities, which planted events. Immutable.</summary>
public sealed record AlertEvaluationOptions
{
    /// <summary>Simulations (seeds <see cref="FirstSeed"/>, <see cref="FirstSeed"/> + 1, …).</summary>
    public int Seeds { get; init; } = 20;
    /// <summary>Seed of the first simulation.</summary>
    public int FirstSeed { get; init; } = 1;
    /// <summary>
    /// The community simulated for every seed (its seed and events are set per run): 150 new threads a day over seven
    /// topics, about 70 posts per topic per day. Smaller communities give the detector less to go on: at 100 threads a
    /// day recall within 24 hours of a 3x event falls to about 0.8 (see docs/alerts.md).
    /// </summary>
    public SimulationOptions Community { get; init; } = new() { Days = 150, ThreadsPerDay = 150, Citizens = 600, KeepText = false };
    /// <summary>Events planted per simulation, on a random topic and day (seeded), at least 20 days apart and after 30 days of history.</summary>
    public int EventsPerSeed { get; init; } = 3;
    /// <summary>Size of every planted event (multiple of the topic's baseline thread rate).</summary>
    public double EventSize { get; init; } = 3;
    /// <summary>Duration of every planted event in days.</summary>
    public int EventDays { get; init; } = 2;
    /// <summary>The detector's settings.</summary>
    public AlertOptions Detector { get; init; } = new();
}
