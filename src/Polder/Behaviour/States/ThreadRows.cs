namespace Polder.Behaviour.States;

/// <summary>
/// The threads of a state snapshot as <see cref="ThreadBehaviour"/> records made on each read from 40-byte rows (a
/// record with its own id string took ~120 bytes; 2.9M threads at 10M posts). Immutable.
/// </summary>
internal sealed class ThreadRows(ChunkedColumn<ThreadRows.Row> rows, Utf8StringTable.Frozen ids)
    : ProjectedList<ThreadBehaviour>(rows.Count, i => Make(rows[i], ids))
{
    /// <summary>A thread: its index in the ids, size, depth, participants, start and duration, unknown-parent replies.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
    internal readonly record struct Row(int Thread, int Size, int MaxDepth, int Participants, long StartTicks, short StartOffset, double DurationHours, int UnknownParentReplies);

    private static ThreadBehaviour Make(in Row r, Utf8StringTable.Frozen ids) =>
        new(ids[r.Thread], r.Size, r.MaxDepth, r.Participants, ThreadsState.Mark.TimeOf(r.StartTicks, r.StartOffset), r.DurationHours, r.UnknownParentReplies);
}
