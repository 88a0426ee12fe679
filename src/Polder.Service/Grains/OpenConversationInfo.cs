namespace Polder.Service.Grains;

/// <summary>A conversation waiting for its first answer.</summary>
/// <param name="ThreadId">The conversation.</param>
/// <param name="PostId">The post that waits.</param>
/// <param name="AuthorId">Who wrote it.</param>
/// <param name="Since">When it was written.</param>
/// <param name="AddressedTo">The organisation it is addressed to, or null.</param>
[GenerateSerializer, Immutable]
public sealed record OpenConversationInfo(
    [property: Id(0)] string ThreadId, [property: Id(1)] string PostId, [property: Id(2)] string AuthorId,
    [property: Id(3)] DateTimeOffset Since, [property: Id(4)] string? AddressedTo);
