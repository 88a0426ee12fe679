namespace Polder.Service.Grains;

/// <summary>
/// What a community grain persists (Orleans grain storage: in memory, or a row of OrleansStorage in PostgreSQL): the
/// compact serialised mergeable state and the ids of the posts in it (for idempotency), length-prefixed UTF-8.
/// Written after every batch, before the batch is acknowledged, so an acknowledged post is never lost.
/// </summary>
[GenerateSerializer]
public sealed class CommunityRecord
{
    /// <summary>The state's compact form (empty when no post yet).</summary>
    [Id(0)] public byte[] State { get; set; } = [];

    /// <summary>The ingested post ids, each as a 7-bit-encoded length and UTF-8 bytes, in arrival order.</summary>
    [Id(1)] public byte[] PostIds { get; set; } = [];

    /// <summary>How many ids <see cref="PostIds"/> holds.</summary>
    [Id(2)] public long PostCount { get; set; }
}
