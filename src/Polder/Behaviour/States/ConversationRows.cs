namespace Polder.Behaviour.States;

/// <summary>The conversations of a state snapshot (<see cref="ConversationResponse"/> rows).</summary>
internal sealed class ConversationRows(ChunkedColumn<ConversationRows.Row> rows, Polder.Data.Utf8StringTable.Frozen threadIds, string[] actorIds)
    : CompactRows<ConversationRows.Row, ConversationResponse>(rows)
{
    /// <summary>A conversation: thread, asker, the organisation waited for and the first responder (actor indexes; −1: none), when asked and answered (ticks; answered −1: never).</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
    internal readonly record struct Row(int Thread, int Asker, int Responder, int FirstResponder, long AskedTicks, short AskedOffset, long RespondedTicks, short RespondedOffset);

    /// <summary>Every conversation's timing, without making its record (no allocation per conversation).</summary>
    public IEnumerable<ConversationTimes> Times()
    {
        for (int i = 0; i < Rows.Count; i++)
        {
            var r = Rows[i];
            yield return new ConversationTimes(r.AskedTicks, r.RespondedTicks < 0 ? null : TimeSpan.FromTicks(r.RespondedTicks - r.AskedTicks),
                r.Responder < 0 ? null : actorIds[r.Responder]);
        }
    }

    protected override ConversationResponse Make(in Row r) =>
        new(threadIds[r.Thread], actorIds[r.Asker], r.Responder < 0 ? null : actorIds[r.Responder], TimeOf(r.AskedTicks, r.AskedOffset),
            r.RespondedTicks < 0 ? null : TimeOf(r.RespondedTicks, r.RespondedOffset), r.FirstResponder < 0 ? null : actorIds[r.FirstResponder]);
}
