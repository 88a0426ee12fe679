namespace Polder.Service.Grains;

/// <summary>What one ingested batch did.</summary>
/// <param name="Received">Posts in the batch.</param>
/// <param name="Added">Posts new to the community (added to its state).</param>
/// <param name="Duplicates">Posts whose id the community already had (or that repeat an id within the batch): ignored.</param>
/// <param name="TotalPosts">Posts in the community after the batch.</param>
[GenerateSerializer, Immutable]
public sealed record IngestResult([property: Id(0)] int Received, [property: Id(1)] int Added, [property: Id(2)] int Duplicates, [property: Id(3)] long TotalPosts);
