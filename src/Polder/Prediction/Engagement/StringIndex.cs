namespace Polder.Prediction.Engagement;

/// <summary>
/// A hash index from a string to the position that holds it, where the caller keeps the strings (post ids, thread ids):
/// open addressing over one int array, a third of a <see cref="Dictionary{TKey, TValue}"/>'s size for a million ids,
/// since neither key nor hash is stored. Ordinal comparison; the first position added for a key keeps it. Not thread-safe.
/// </summary>
internal sealed class StringIndex
{
    private readonly Func<int, string> _keyAt;
    private int[] _slots; // position + 1; 0 = empty
    private int _count;

    /// <param name="keyAt">The string at a position (only positions added are asked).</param>
    /// <param name="expected">Expected number of keys (the table grows past it).</param>
    public StringIndex(Func<int, string> keyAt, int expected)
    {
        _keyAt = keyAt;
        _slots = new int[SizeFor(expected)];
    }

    /// <summary>Number of distinct keys.</summary>
    public int Count => _count;

    /// <summary>The position of <paramref name="key"/>, or -1.</summary>
    public int Find(string key)
    {
        int mask = _slots.Length - 1;
        for (int s = Hash(key) & mask; ; s = (s + 1) & mask)
        {
            int v = _slots[s] - 1;
            if (v < 0) return -1;
            if (string.Equals(_keyAt(v), key, StringComparison.Ordinal)) return v;
        }
    }

    /// <summary>Adds <paramref name="position"/> for its key unless the key is there; returns the key's position.</summary>
    public int Add(int position)
    {
        if (2 * (_count + 1) > _slots.Length) Grow();
        var key = _keyAt(position);
        int mask = _slots.Length - 1;
        for (int s = Hash(key) & mask; ; s = (s + 1) & mask)
        {
            int v = _slots[s] - 1;
            if (v < 0) { _slots[s] = position + 1; _count++; return position; }
            if (string.Equals(_keyAt(v), key, StringComparison.Ordinal)) return v;
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new int[old.Length * 2];
        int mask = _slots.Length - 1;
        foreach (var o in old)
        {
            if (o == 0) continue;
            int s = Hash(_keyAt(o - 1)) & mask;
            while (_slots[s] != 0) s = (s + 1) & mask;
            _slots[s] = o;
        }
    }

    private static int Hash(string key) => string.GetHashCode(key.AsSpan()) & int.MaxValue;

    // a power of two at least twice the keys (load at most one half)
    private static int SizeFor(int keys) => (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, keys) * 2));
}
