namespace Polder.Topics.Discovery;

/// <summary>
/// Rows of a sparse matrix in compressed-row form (documents × terms): row <c>r</c> holds the columns
/// <c>Columns[Starts[r]..Starts[r+1]]</c>, ascending, with their <c>Values</c>. Immutable once built.
/// </summary>
internal sealed class SparseRows
{
    public SparseRows(int[] starts, int[] columns, float[] values, int columnCount)
    {
        Starts = starts; Columns = columns; Values = values; ColumnCount = columnCount;
    }

    public int[] Starts { get; }
    public int[] Columns { get; }
    public float[] Values { get; }
    public int RowCount => Starts.Length - 1;
    public int ColumnCount { get; }

    public ReadOnlySpan<int> ColumnsOf(int row) => Columns.AsSpan(Starts[row], Starts[row + 1] - Starts[row]);
    public ReadOnlySpan<float> ValuesOf(int row) => Values.AsSpan(Starts[row], Starts[row + 1] - Starts[row]);

    /// <summary>Dot products of row <paramref name="row"/> with the <c>k</c> columns of a term-major dense matrix (<c>terms × k</c>).</summary>
    public void Multiply(int row, float[] termMajor, int k, Span<float> result) =>
        Multiply(ColumnsOf(row), ValuesOf(row), termMajor, k, result);

    /// <summary>Dot products of a sparse vector with the <c>k</c> columns of a term-major dense matrix (<c>terms × k</c>).</summary>
    public static void Multiply(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, float[] termMajor, int k, Span<float> result)
    {
        result.Clear();
        for (int j = 0; j < columns.Length; j++)
        {
            float v = values[j];
            var c = termMajor.AsSpan(columns[j] * k, k);
            for (int t = 0; t < k; t++) result[t] += v * c[t];
        }
    }
}
