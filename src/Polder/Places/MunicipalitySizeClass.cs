namespace Polder.Places;

/// <summary>Size of a municipality by inhabitants (boundaries in <see cref="SizeClassBoundaries"/>).</summary>
public enum MunicipalitySizeClass
{
    /// <summary>Population not known (a place whose municipality is not in the 2014 almanac, e.g. after a merger).</summary>
    Unknown,

    /// <summary>Fewer inhabitants than <see cref="SizeClassBoundaries.MediumFrom"/> (default 50,000).</summary>
    Small,

    /// <summary>From <see cref="SizeClassBoundaries.MediumFrom"/> to below <see cref="SizeClassBoundaries.LargeFrom"/> (default 50,000–100,000).</summary>
    Medium,

    /// <summary><see cref="SizeClassBoundaries.LargeFrom"/> inhabitants or more (default 100,000).</summary>
    Large,
}

/// <summary>Where small ends and large begins.</summary>
/// <param name="MediumFrom">The smallest population of a medium municipality.</param>
/// <param name="LargeFrom">The smallest population of a large municipality.</param>
public sealed record SizeClassBoundaries(int MediumFrom = 50_000, int LargeFrom = 100_000)
{
    /// <summary>Small &lt; 50,000 ≤ medium &lt; 100,000 ≤ large.</summary>
    public static SizeClassBoundaries Default { get; } = new();

    /// <summary>The class of a municipality with <paramref name="population"/> inhabitants (null or 0: unknown).</summary>
    public MunicipalitySizeClass Classify(int? population) =>
        population is null or <= 0 ? MunicipalitySizeClass.Unknown
        : population < MediumFrom ? MunicipalitySizeClass.Small
        : population < LargeFrom ? MunicipalitySizeClass.Medium
        : MunicipalitySizeClass.Large;
}
