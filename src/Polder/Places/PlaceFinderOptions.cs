namespace Polder.Places;

/// <summary>Settings and user additions for <see cref="PlaceFinder"/>.</summary>
public sealed record PlaceFinderOptions
{
    /// <summary>Only names whose main word starts with a capital count (default true; "best" is never Best).</summary>
    public bool RequireCapital { get; init; } = true;

    /// <summary>Size class boundaries (default small &lt; 50,000 ≤ medium &lt; 100,000 ≤ large).</summary>
    public SizeClassBoundaries SizeClasses { get; init; } = SizeClassBoundaries.Default;

    /// <summary>Extra places: name → (municipality, province). The municipality need not be in the tables.</summary>
    public IReadOnlyDictionary<string, (string Municipality, string Province)> ExtraPlaces { get; init; } =
        new Dictionary<string, (string, string)>();

    /// <summary>Extra names that are also common words: without a location cue they get too little confidence to be reported.</summary>
    public IReadOnlyCollection<string> ExtraAmbiguousNames { get; init; } = [];

    /// <summary>Extra location cue words, weighed as a preposition ("in", "uit", "gemeente" … are built in).</summary>
    public IReadOnlyCollection<string> ExtraCues { get; init; } = [];

    /// <summary>
    /// Mentions with a lower <see cref="PlaceMention.Confidence"/> are dropped (default 0.5; 0 returns every
    /// candidate with its evidence, the foreign and person readings included).
    /// </summary>
    public double MinConfidence { get; init; } = 0.5;

    /// <summary>The defaults.</summary>
    public static PlaceFinderOptions Default { get; } = new();
}
