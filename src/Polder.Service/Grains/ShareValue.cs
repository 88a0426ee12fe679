namespace Polder.Service.Grains;

/// <summary>The posts with one label (a topic or a language) and their share.</summary>
/// <param name="Key">The topic or language code.</param>
/// <param name="Posts">Posts with it (topics: analysed posts whose thread has the topic).</param>
/// <param name="Share">Topics: of the analysed posts; languages: of all posts (0..1).</param>
[GenerateSerializer, Immutable]
public sealed record ShareValue([property: Id(0)] string Key, [property: Id(1)] long Posts, [property: Id(2)] double Share);
