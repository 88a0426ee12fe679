namespace Polder.Behaviour;

/// <summary>
/// A set of longs for the few items of one thread: a linear scan while small (no hashing), a hash set beyond 32 items.
/// <see cref="Clear"/> is O(1) while small.
/// </summary>
internal sealed class SmallSet
{
    private readonly long[] _items = new long[32];
    private int _count;
    private HashSet<long>? _big;

    public int Count => _big?.Count ?? _count;

    public bool Contains(long v)
    {
        if (_big is not null) return _big.Contains(v);
        for (int i = 0; i < _count; i++) if (_items[i] == v) return true;
        return false;
    }

    public bool Add(long v)
    {
        if (_big is not null) return _big.Add(v);
        for (int i = 0; i < _count; i++) if (_items[i] == v) return false;
        if (_count < _items.Length) { _items[_count++] = v; return true; }
        _big = new HashSet<long>(_items);
        return _big.Add(v);
    }

    public void Clear() { _count = 0; _big = null; }
}
