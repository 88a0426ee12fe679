namespace Polder.Service.Grains;

/// <summary>One alert of the library's detector (<see cref="Polder.Topics.Alerts.Alert"/>) in the service's serialisable shape.</summary>
/// <param name="Topic">The topic key, or null for the whole community.</param>
/// <param name="Kind">"volume" or "negative_share".</param>
/// <param name="From">Start of the first window that passed.</param>
/// <param name="To">End of the last window that passed.</param>
/// <param name="DetectedAt">When a daily watch would have raised it (end of the first window that passed).</param>
/// <param name="Observed">Posts (volume) or negative share in the strongest window.</param>
/// <param name="Expected">The baseline's expectation for that window.</param>
/// <param name="Posts">Posts in the strongest window.</param>
/// <param name="Score">The test statistic of the strongest window.</param>
/// <param name="Evidence">Post ids from the strongest window, earliest first.</param>
[GenerateSerializer, Immutable]
public sealed record AlertInfo(
    [property: Id(0)] string? Topic, [property: Id(1)] string Kind, [property: Id(2)] DateTimeOffset From, [property: Id(3)] DateTimeOffset To,
    [property: Id(4)] DateTimeOffset DetectedAt, [property: Id(5)] double Observed, [property: Id(6)] double Expected, [property: Id(7)] int Posts,
    [property: Id(8)] double Score, [property: Id(9)] string[] Evidence)
{
    /// <summary>The service's shape of a library alert.</summary>
    public static AlertInfo Of(Polder.Topics.Alerts.Alert a) => new(a.Topic,
        a.Kind == Polder.Topics.Alerts.AlertKind.Volume ? "volume" : "negative_share", a.From, a.To, a.DetectedAt, a.Observed, a.Expected, a.Posts,
        a.Score, [.. a.Evidence]);
}
