using System.Collections;

namespace Polder.Behaviour;

/// <summary>
/// Whole numbers kept as a count per distinct value and read as their sorted list (for <see cref="Statistics.Quantile"/>):
/// a few entries where the list itself took 8 bytes a value (the sizes of 2.9M threads). Not thread-safe while adding.
/// </summary>
internal sealed class CountedValues : IReadOnlyList<double>
{
    private readonly Dictionary<int, int> _counts = [];
    private int[] _values = [], _ends = [];   // distinct values ascending, and the end of each one's run in the list
    private bool _sorted = true;

    /// <summary>Counts <paramref name="value"/> once more.</summary>
    public void Add(int value)
    {
        _counts[value] = _counts.GetValueOrDefault(value) + 1;
        Count++;
        _sorted = false;
    }

    /// <inheritdoc/>
    public int Count { get; private set; }

    /// <summary>The <paramref name="index"/>-th smallest value.</summary>
    public double this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            Sort();
            int k = Array.BinarySearch(_ends, index + 1);
            return _values[k >= 0 ? k : ~k];
        }
    }

    private void Sort()
    {
        if (_sorted) return;
        _values = [.. _counts.Keys.Order()];
        _ends = new int[_values.Length];
        for (int i = 0, end = 0; i < _values.Length; i++) _ends[i] = end += _counts[_values[i]];
        _sorted = true;
    }

    /// <inheritdoc/>
    public IEnumerator<double> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
