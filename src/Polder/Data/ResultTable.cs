namespace Polder.Data;

/// <summary>Type of a <see cref="ResultTable"/> column.</summary>
public enum ColumnType
{
    /// <summary>Text (string or null).</summary>
    Text = 0,
    /// <summary>Whole number (long or null).</summary>
    Integer = 1,
    /// <summary>Real number (double; NaN is written as empty/null).</summary>
    Real = 2,
    /// <summary>Instant (DateTimeOffset, written as ISO 8601 / UTC timestamp).</summary>
    Time = 3,
}

/// <summary>A column of a <see cref="ResultTable"/>.</summary>
/// <param name="Name">Column name (snake_case).</param>
/// <param name="Type">Value type.</param>
public sealed record TableColumn(string Name, ColumnType Type);

/// <summary>A named, typed table of behaviour results, ready for CSV or Parquet. Immutable after creation.</summary>
public sealed class ResultTable
{
    /// <summary>Creates a table; every row must have one value per column, of the column's type or null.</summary>
    public ResultTable(string name, IReadOnlyList<TableColumn> columns, IReadOnlyList<object?[]> rows)
    {
        foreach (var r in rows)
            if (r.Length != columns.Count) throw new ArgumentException($"table {name}: a row has {r.Length} values for {columns.Count} columns", nameof(rows));
        Name = name; Columns = columns; Rows = rows;
    }

    private ResultTable(string name, IReadOnlyList<TableColumn> columns, LazyRows rows) { Name = name; Columns = columns; Rows = rows; }

    /// <summary>
    /// A table whose <paramref name="count"/> rows are made by <paramref name="row"/> when the writer reaches them, so a
    /// large table (one row per post) is never held whole; each row is checked when it is made.
    /// </summary>
    public static ResultTable Lazy(string name, IReadOnlyList<TableColumn> columns, int count, Func<int, object?[]> row) =>
        new(name, columns, new LazyRows(name, columns.Count, count, row));

    private sealed class LazyRows(string name, int width, int count, Func<int, object?[]> make) : IReadOnlyList<object?[]>
    {
        public int Count => count;

        public object?[] this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)count, nameof(index));
                var r = make(index);
                if (r.Length != width) throw new InvalidOperationException($"table {name}: a row has {r.Length} values for {width} columns");
                return r;
            }
        }

        public IEnumerator<object?[]> GetEnumerator() { for (int i = 0; i < count; i++) yield return this[i]; }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Table name (file name without extension).</summary>
    public string Name { get; }
    /// <summary>The columns.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }
    /// <summary>The rows.</summary>
    public IReadOnlyList<object?[]> Rows { get; }
}
