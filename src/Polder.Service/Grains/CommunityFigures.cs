namespace Polder.Service.Grains;

/// <summary>The live figures of one community (or of the national view).</summary>
/// <param name="Community">The community id ("nl" for the national view).</param>
/// <param name="Posts">Posts ingested.</param>
/// <param name="FirstPost">Time of the earliest post, or null when none.</param>
/// <param name="LastPost">Time of the latest post, or null when none.</param>
/// <param name="Figures">The key figures, computed from the community's mergeable state.</param>
[GenerateSerializer, Immutable]
public sealed record CommunityFigures(
    [property: Id(0)] string Community, [property: Id(1)] long Posts, [property: Id(2)] DateTimeOffset? FirstPost,
    [property: Id(3)] DateTimeOffset? LastPost, [property: Id(4)] IReadOnlyList<FigureValue> Figures)
{
    /// <summary>The value of the figure with <paramref name="key"/>, or null.</summary>
    public double? Value(string key) => Figures.FirstOrDefault(f => f.Key == key)?.Value;
}
