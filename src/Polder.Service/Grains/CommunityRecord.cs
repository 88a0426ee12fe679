namespace Polder.Service.Grains;

/// <summary>
/// What a community grain persists (Orleans grain storage: in memory, or a row of OrleansStorage in PostgreSQL): the
/// compact form of its <see cref="Polder.Behaviour.States.CommunityState"/>, which also holds the keys of the posts
/// in it (idempotency by post id). In durable storage written after every batch, before the batch is acknowledged, so
/// an acknowledged post is never lost; in memory storage when the activation ends (<see cref="GrainWritePolicy"/>).
/// </summary>
[GenerateSerializer]
public sealed class CommunityRecord
{
    /// <summary>The state's compact form (empty when no post yet).</summary>
    [Id(0)] public byte[] State { get; set; } = [];

    /// <summary>Posts in the state.</summary>
    [Id(1)] public long Posts { get; set; }

    /// <summary>The compact form of what the text layer found in each post (<see cref="Polder.Analysis.LiveTextState"/>).</summary>
    [Id(2)] public byte[] Text { get; set; } = [];
}
