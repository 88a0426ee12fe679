namespace Polder.Community.Simulation;

/// <summary>What a <see cref="PlantedEvent"/> added to a simulation. Immutable.</summary>
/// <param name="Event">The planted event.</param>
/// <param name="Onset">Local midnight of its first day.</param>
/// <param name="End">Local midnight after its last day.</param>
/// <param name="ExtraThreads">Threads added on top of the topic's baseline.</param>
/// <param name="ExtraPosts">Posts in those threads (openers, replies and webcare answers).</param>
public sealed record PlantedEventTruth(PlantedEvent Event, DateTimeOffset Onset, DateTimeOffset End, long ExtraThreads, long ExtraPosts);
