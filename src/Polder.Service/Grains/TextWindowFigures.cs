namespace Polder.Service.Grains;

/// <summary>The sentiment, topic and language counts of one window (the analysis window, local time).</summary>
/// <param name="Start">The window's first local day (yyyy-MM-dd).</param>
/// <param name="Posts">Posts in the window.</param>
/// <param name="Analysed">Posts the Dutch layers read (the denominator of the sentiment and topic shares).</param>
/// <param name="Negative">Analysed posts labelled negative.</param>
/// <param name="Neutral">Analysed posts labelled neutral.</param>
/// <param name="Positive">Analysed posts labelled positive.</param>
/// <param name="Topics">Topic shares of the analysed posts, largest first.</param>
/// <param name="Languages">Language shares of all posts, largest first.</param>
[GenerateSerializer, Immutable]
public sealed record TextWindowFigures(
    [property: Id(0)] string Start, [property: Id(1)] long Posts, [property: Id(2)] long Analysed, [property: Id(3)] long Negative,
    [property: Id(4)] long Neutral, [property: Id(5)] long Positive, [property: Id(6)] IReadOnlyList<ShareValue> Topics,
    [property: Id(7)] IReadOnlyList<ShareValue> Languages);
