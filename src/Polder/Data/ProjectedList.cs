using System.Collections;

namespace Polder.Data;

/// <summary>A read-only list whose items are computed from their index on each read: a column of a large collection
/// (one field per post) passed on without copying it into an array.</summary>
/// <param name="count">Number of items.</param>
/// <param name="at">The item at an index.</param>
internal class ProjectedList<T>(int count, Func<int, T> at) : IReadOnlyList<T>
{
    public T this[int index] => (uint)index < (uint)count ? at(index) : throw new ArgumentOutOfRangeException(nameof(index));

    public int Count => count;

    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < count; i++) yield return at(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
