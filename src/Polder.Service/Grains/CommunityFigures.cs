namespace Polder.Service.Grains;

/// <summary>The live figures of one community (or of the national view).</summary>
/// <param name="Community">The community id ("nl" for the national view).</param>
/// <param name="Posts">Posts ingested.</param>
/// <param name="FirstPost">Time of the earliest post, or null when none.</param>
/// <param name="LastPost">Time of the latest post, or null when none.</param>
/// <param name="Figures">The key figures, computed from the community's mergeable state.</param>
/// <param name="Topics">Topic shares over all windows (of the analysed posts), largest first.</param>
/// <param name="Languages">Language shares over all windows (of all posts), largest first.</param>
/// <param name="Windows">Sentiment, topic and language counts per window, oldest first.</param>
[GenerateSerializer, Immutable]
public sealed record CommunityFigures(
    [property: Id(0)] string Community, [property: Id(1)] long Posts, [property: Id(2)] DateTimeOffset? FirstPost,
    [property: Id(3)] DateTimeOffset? LastPost, [property: Id(4)] IReadOnlyList<FigureValue> Figures,
    [property: Id(5)] IReadOnlyList<ShareValue> Topics, [property: Id(6)] IReadOnlyList<ShareValue> Languages,
    [property: Id(7)] IReadOnlyList<TextWindowFigures> Windows)
{
    /// <summary>The value of the figure with <paramref name="key"/>, or null.</summary>
    public double? Value(string key) => Figures.FirstOrDefault(f => f.Key == key)?.Value;
}
