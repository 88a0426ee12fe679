using Polder.Behaviour;

namespace Polder.Analysis;

/// <summary>First-response times of one organisation: the summary and every answered wait. Immutable.</summary>
/// <param name="Organisation">The organisation's actor id.</param>
/// <param name="Summary">Counts, mean, median, p90 and bands (<see cref="ResponseTimeBands"/>).</param>
/// <param name="WaitHours">Every answered wait in hours, ascending.</param>
public sealed record ResponseTimeDistribution(string Organisation, ResponseTimeSummary Summary, IReadOnlyList<double> WaitHours);
