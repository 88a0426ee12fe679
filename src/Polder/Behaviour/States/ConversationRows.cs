namespace Polder.Behaviour.States;

/// <summary>
/// The conversations of a state snapshot as <see cref="ConversationResponse"/> records made on each read from 40-byte
/// rows (2.2M conversations at 10M posts), and their timings without making records (<see cref="Times"/>). Immutable.
/// </summary>
internal sealed class ConversationRows(ChunkedColumn<ConversationRows.Row> rows, Utf8StringTable.Frozen threadIds, string[] actorIds)
    : ProjectedList<ConversationResponse>(rows.Count, i => Make(rows[i], threadIds, actorIds))
{
    /// <summary>A conversation: thread, asker, the organisation waited for and the first responder (actor indexes; −1: none), when asked and answered (ticks; answered −1: never).</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
    internal readonly record struct Row(int Thread, int Asker, int Responder, int FirstResponder, long AskedTicks, short AskedOffset, long RespondedTicks, short RespondedOffset);

    /// <summary>Every conversation's timing, without making its record (no allocation per conversation).</summary>
    public IEnumerable<ConversationTimes> Times()
    {
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            yield return new ConversationTimes(r.AskedTicks, r.RespondedTicks < 0 ? null : TimeSpan.FromTicks(r.RespondedTicks - r.AskedTicks),
                r.Responder < 0 ? null : actorIds[r.Responder]);
        }
    }

    private static ConversationResponse Make(in Row r, Utf8StringTable.Frozen threadIds, string[] actorIds) =>
        new(threadIds[r.Thread], actorIds[r.Asker], r.Responder < 0 ? null : actorIds[r.Responder], ThreadsState.Mark.TimeOf(r.AskedTicks, r.AskedOffset),
            r.RespondedTicks < 0 ? null : ThreadsState.Mark.TimeOf(r.RespondedTicks, r.RespondedOffset), r.FirstResponder < 0 ? null : actorIds[r.FirstResponder]);
}
