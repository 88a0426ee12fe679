namespace Polder.Behaviour;

/// <summary>
/// What the time series, the organisations' and the community's first-response summaries read of a conversation: when
/// it was asked (UTC ticks), its wait (null: unanswered) and the organisation waited for. A struct, so a state snapshot's
/// millions of conversations are read without making a record each (<see cref="States.ConversationRows"/>).
/// </summary>
internal readonly record struct ConversationTimes(long AskedUtcTicks, TimeSpan? Wait, string? ResponderId)
{
    /// <summary>The timings of <paramref name="conversations"/>, read from the compact rows when they are.</summary>
    public static IEnumerable<ConversationTimes> Of(IReadOnlyList<ConversationResponse> conversations) =>
        conversations is States.ConversationRows rows ? rows.Times() : conversations.Select(c => new ConversationTimes(c.AskedAt.UtcTicks, c.Wait, c.ResponderId));
}
