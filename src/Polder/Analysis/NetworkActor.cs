using Polder.Community;

namespace Polder.Analysis;

/// <summary>One actor of the interaction network with its measures. Immutable.</summary>
/// <param name="ActorId">The actor.</param>
/// <param name="Role">Its role in the community.</param>
/// <param name="Community">Its Leiden community as an index (0-based, into <see cref="NetworkAnalysis.CommunitySizes"/>); outputs show <see cref="Group"/>.</param>
/// <param name="PageRank">PageRank on the directed interaction graph (sums to 1 over all actors).</param>
/// <param name="InDegree">Distinct actors that interacted with it.</param>
/// <param name="OutDegree">Distinct actors it interacted with.</param>
/// <param name="X">Layout position in [0, 1] (NaN when the actor is not drawn).</param>
/// <param name="Y">Layout position in [0, 1] (NaN when the actor is not drawn).</param>
public sealed record NetworkActor(string ActorId, ActorRole Role, int Community, double PageRank, int InDegree, int OutDegree, double X, double Y)
{
    /// <summary>True when the actor has a layout position.</summary>
    public bool IsDrawn => !double.IsNaN(X);

    /// <summary>
    /// The group number people see, 1-based (<see cref="Community"/> + 1): the report ("groep 1"), the
    /// <c>network_actors</c> table, <c>summary.json</c> and the notebook views all show this one number.
    /// </summary>
    public int Group => Community + 1;
}
