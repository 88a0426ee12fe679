using System.Collections;

namespace Polder.Behaviour.States;

/// <summary>
/// A read-only list kept as plain structs and read out as records: a snapshot of a big state has a row per thread and
/// per conversation (10M posts: 2.9M threads, 2.2M conversations), and a record object per row with its own strings
/// took ~120 bytes where the struct takes 40. Each read makes a new record (equal to the one before). Immutable.
/// </summary>
internal abstract class CompactRows<TRow, TRecord> : IReadOnlyList<TRecord> where TRow : struct
{
    private readonly ChunkedColumn<TRow> _rows;

    /// <summary>Takes <paramref name="rows"/> (not copied: the caller adds no more).</summary>
    protected CompactRows(ChunkedColumn<TRow> rows) => _rows = rows;

    /// <inheritdoc/>
    public int Count => _rows.Count;

    /// <inheritdoc/>
    public TRecord this[int index] => Make(_rows[index]);

    /// <summary>The rows.</summary>
    protected ChunkedColumn<TRow> Rows => _rows;

    /// <summary>The record of a row.</summary>
    protected abstract TRecord Make(in TRow row);

    /// <inheritdoc/>
    public IEnumerator<TRecord> GetEnumerator()
    {
        for (int i = 0; i < _rows.Count; i++) yield return Make(_rows[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A point in time as the marks keep it (UTC ticks and the source's offset in minutes).</summary>
    protected static DateTimeOffset TimeOf(long utcTicks, short offsetMinutes) =>
        new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));
}
