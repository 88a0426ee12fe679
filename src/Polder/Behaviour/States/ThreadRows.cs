namespace Polder.Behaviour.States;

/// <summary>The threads of a state snapshot (<see cref="ThreadBehaviour"/> rows).</summary>
internal sealed class ThreadRows(ChunkedColumn<ThreadRows.Row> rows, Polder.Data.Utf8StringTable.Frozen ids) : CompactRows<ThreadRows.Row, ThreadBehaviour>(rows)
{
    /// <summary>A thread: its index in the ids, size, depth, participants, start and duration, unknown-parent replies.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
    internal readonly record struct Row(int Thread, int Size, int MaxDepth, int Participants, long StartTicks, short StartOffset, double DurationHours, int UnknownParentReplies);

    protected override ThreadBehaviour Make(in Row r) =>
        new(ids[r.Thread], r.Size, r.MaxDepth, r.Participants, TimeOf(r.StartTicks, r.StartOffset), r.DurationHours, r.UnknownParentReplies);
}
