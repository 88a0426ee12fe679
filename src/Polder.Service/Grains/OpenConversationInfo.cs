namespace Polder.Service.Grains;

/// <summary>A conversation waiting for its first answer.</summary>
/// <param name="ThreadId">The conversation.</param>
/// <param name="AskerId">Who asked.</param>
/// <param name="AskedAt">When.</param>
/// <param name="AddressedTo">The organisation (or actor) it is addressed to, or null.</param>
[GenerateSerializer, Immutable]
public sealed record OpenConversationInfo(
    [property: Id(0)] string ThreadId, [property: Id(1)] string AskerId, [property: Id(2)] DateTimeOffset AskedAt,
    [property: Id(3)] string? AddressedTo);
