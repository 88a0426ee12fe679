namespace Polder.Service.Grains;

/// <summary>What the national view persists: the ids of the communities that received posts.</summary>
[GenerateSerializer]
public sealed class NationalRecord
{
    /// <summary>Community ids, sorted ordinally.</summary>
    [Id(0)] public List<string> Communities { get; set; } = [];
}
