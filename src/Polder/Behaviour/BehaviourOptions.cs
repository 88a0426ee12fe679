using Polder.Community;

namespace Polder.Behaviour;

/// <summary>Options of <see cref="BehaviourAnalyzer"/>. Immutable.</summary>
public sealed record BehaviourOptions
{
    /// <summary>Zone for calendar features (days, hour of week, windows). Default Europe/Amsterdam.</summary>
    public TimeZoneInfo TimeZone { get; init; } = DutchTime.Zone;

    /// <summary>Window of the time series, retention and change. Default month.</summary>
    public TimeWindow Window { get; init; } = TimeWindow.Month;

    /// <summary>Who responds in first-response times. Default <see cref="ResponderMode.Auto"/>.</summary>
    public ResponderMode Responders { get; init; } = ResponderMode.Auto;

    /// <summary>
    /// Extra organisation actor ids (besides actors with role <see cref="ActorRole.Organisation"/>), e.g. the webcare
    /// handles of a Twitter corpus without roles.
    /// </summary>
    public IReadOnlySet<string> OrganisationIds { get; init; } = new HashSet<string>();

    /// <summary>Population per municipality for size classes (see <see cref="MunicipalitySizes"/>); null: no classes.</summary>
    public MunicipalitySizes? Municipalities { get; init; }

    /// <summary>The defaults.</summary>
    public static BehaviourOptions Default { get; } = new();
}
