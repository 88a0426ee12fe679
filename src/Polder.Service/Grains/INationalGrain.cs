namespace Polder.Service.Grains;

/// <summary>
/// The national view (one grain, key <see cref="Key"/>): knows every community that received posts and merges their
/// states into one on request.
/// </summary>
public interface INationalGrain : IGrainWithStringKey
{
    /// <summary>The one key of the national view.</summary>
    public const string Key = "nl";

    /// <summary>Records that <paramref name="community"/> exists (idempotent).</summary>
    Task Register(string community);

    /// <summary>The communities known, sorted.</summary>
    Task<string[]> Communities();

    /// <summary>The figures of all communities merged.</summary>
    Task<CommunityFigures> Figures();
}
