namespace Polder.Behaviour;

/// <summary>Webcare figures of one organisation.</summary>
public sealed record OrganisationBehaviour
{
    /// <summary>The organisation's actor id.</summary>
    public required string ActorId { get; init; }
    /// <summary>Organisation type attribute, or null.</summary>
    public string? OrganisationType { get; init; }
    /// <summary>Municipality attribute, or null.</summary>
    public string? Municipality { get; init; }
    /// <summary>Municipality size class (from <see cref="BehaviourOptions.Municipalities"/>), or null.</summary>
    public string? SizeClass { get; init; }
    /// <summary>Distinct non-organisation actors that addressed the organisation or got a reply from it.</summary>
    public int CommunitySize { get; init; }
    /// <summary>The organisation's own actor figures (volume, reply share, response rate …).</summary>
    public required ActorBehaviour Actor { get; init; }
    /// <summary>First-response times of its conversations.</summary>
    public required ResponseTimeSummary FirstResponse { get; init; }
    /// <summary>Posts per hour of the week (168 counts, Monday 00h first, analysis time zone).</summary>
    public required IReadOnlyList<int> HourOfWeek { get; init; }
}
