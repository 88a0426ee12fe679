using System.Numerics;

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

    /// <summary><paramref name="result"/> (rows × l, row-major) = this × <paramref name="termMajor"/> (columns × l).</summary>
    public void MultiplyInto<T>(T[] termMajor, int l, double[] result) where T : INumberBase<T>
    {
        Array.Clear(result);
        for (int r = 0; r < RowCount; r++)
        {
            var cols = ColumnsOf(r); var vals = ValuesOf(r);
            var row = result.AsSpan(r * l, l);
            for (int j = 0; j < cols.Length; j++)
            {
                double v = vals[j];
                var d = termMajor.AsSpan(cols[j] * l, l);
                for (int t = 0; t < l; t++) row[t] += v * double.CreateTruncating(d[t]);
            }
        }
    }

    /// <summary><paramref name="result"/> (columns × l, term-major) = thisᵀ × <paramref name="rowMajor"/> (rows × l).</summary>
    public void MultiplyTransposedInto<T>(T[] rowMajor, int l, double[] result) where T : INumberBase<T>
    {
        Array.Clear(result);
        for (int r = 0; r < RowCount; r++)
        {
            var cols = ColumnsOf(r); var vals = ValuesOf(r);
            var d = rowMajor.AsSpan(r * l, l);
            for (int j = 0; j < cols.Length; j++)
            {
                double v = vals[j];
                var row = result.AsSpan(cols[j] * l, l);
                for (int t = 0; t < l; t++) row[t] += v * double.CreateTruncating(d[t]);
            }
        }
    }
}
