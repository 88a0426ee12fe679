namespace Polder.Topics.Alerts;

/// <summary>
/// One unusual rise: consecutive 24-hour windows of one series that all passed the test, merged into one episode.
/// The figures are those of the episode's strongest window. Immutable.
/// </summary>
/// <param name="Topic">The topic key, or null for the whole community.</param>
/// <param name="Kind">Volume or negative share.</param>
/// <param name="From">Start of the first window that passed.</param>
/// <param name="To">End of the last window that passed.</param>
/// <param name="DetectedAt">End of the first window that passed: when a daily watch would have raised the alert.</param>
/// <param name="PeakFrom">Start of the strongest window.</param>
/// <param name="PeakTo">End of the strongest window.</param>
/// <param name="Observed">Posts (volume) or negative share (negative share) in the strongest window.</param>
/// <param name="Expected">The baseline's expectation for that window (posts, or share).</param>
/// <param name="Posts">Posts in the strongest window (for negative share: those with a sentiment label).</param>
/// <param name="Score">The test statistic of the strongest window: the excess in standard deviations of the baseline's predictive distribution (see <see cref="AlertDetector"/>).</param>
/// <param name="Evidence">Up to <see cref="AlertOptions.EvidencePosts"/> post ids from the strongest window (for negative share: negative posts), earliest first.</param>
public sealed record Alert(string? Topic, AlertKind Kind, DateTimeOffset From, DateTimeOffset To, DateTimeOffset DetectedAt,
    DateTimeOffset PeakFrom, DateTimeOffset PeakTo, double Observed, double Expected, int Posts, double Score, IReadOnlyList<string> Evidence);
