namespace Polder.Networks;

/// <summary>
/// One interaction: <paramref name="Source"/> addressed <paramref name="Target"/> (replied to, mentioned,
/// retweeted, quoted) at <paramref name="Time"/> (unix seconds; 0 when unknown), with a weight (1 by default).
/// This is the input type that community posts are mapped to.
/// </summary>
/// <param name="Source">Actor id of the one who acts.</param>
/// <param name="Target">Actor id of the one addressed.</param>
/// <param name="Kind">What kind of interaction.</param>
/// <param name="Time">Unix seconds, 0 when unknown.</param>
/// <param name="Weight">Weight of this single interaction.</param>
public readonly record struct InteractionEdge(string Source, string Target, InteractionKind Kind, long Time = 0, double Weight = 1);

/// <summary>How interactions become a graph: which kinds, their weights, the time window, directed or not.</summary>
public sealed record InteractionGraphOptions
{
    /// <summary>Kinds to keep (default: all).</summary>
    public InteractionKind Kinds { get; init; } = InteractionKind.All;

    /// <summary>Multiplier per kind (a kind absent here weighs 1).</summary>
    public IReadOnlyDictionary<InteractionKind, double> KindWeights { get; init; } = new Dictionary<InteractionKind, double>();

    /// <summary>Keep interactions at or after this unix time (inclusive), when set.</summary>
    public long? From { get; init; }

    /// <summary>Keep interactions before this unix time (exclusive), when set.</summary>
    public long? Until { get; init; }

    /// <summary>Directed graph (default) or the undirected view with merged weights.</summary>
    public bool Directed { get; init; } = true;

    /// <summary>Actors that must be nodes even without any interaction in the selection.</summary>
    public IEnumerable<string>? ExtraActors { get; init; }
}
