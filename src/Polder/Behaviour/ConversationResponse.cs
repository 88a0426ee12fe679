namespace Polder.Behaviour;

/// <summary>The first-response outcome of one conversation (a thread, per responding organisation in webcare mode).</summary>
/// <param name="ThreadId">The thread.</param>
/// <param name="AskerId">Author of the message the wait starts at.</param>
/// <param name="ResponderId">The organisation waited for, or null in <see cref="ResponderMode.AnyOtherActor"/> mode.</param>
/// <param name="AskedAt">When the wait started.</param>
/// <param name="RespondedAt">The first reaction, or null when the conversation was never answered.</param>
/// <param name="FirstResponderId">Author of the first reaction, or null.</param>
public sealed record ConversationResponse(string ThreadId, string AskerId, string? ResponderId, DateTimeOffset AskedAt, DateTimeOffset? RespondedAt, string? FirstResponderId)
{
    /// <summary>True when there was a reaction.</summary>
    public bool Answered => RespondedAt is not null;

    /// <summary>The whole waiting time (calendar time, not office hours), or null when unanswered.</summary>
    public TimeSpan? Wait => RespondedAt is { } r ? r - AskedAt : null;
}
