namespace Polder.Data;

/// <summary>
/// An open-addressing hash index from a key to its dense index (its place in arrival order in the owner's key column):
/// one int array, linear probing, at most three quarters full. The keys themselves stay in the owner's column, so a
/// rehash copies only this array (4 bytes a slot) instead of a dictionary's keys, values and links. Not thread-safe.
/// </summary>
internal sealed class DenseKeyIndex<TKey>(ChunkedColumn<TKey> keys, IEqualityComparer<TKey> comparer, int expected = 0)
{
    // sized for the expected keys up front (no rehash while they arrive)
    private int[] _slots = new int[(int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, expected) * 4 / 3 + 1))];   // index + 1; 0 = empty
    private int _count;

    /// <summary>The index of <paramref name="key"/>, or −1.</summary>
    public int Find(TKey key)
    {
        int mask = _slots.Length - 1;
        for (int s = Slot(key, mask); ; s = (s + 1) & mask)
        {
            int v = _slots[s];
            if (v == 0) return -1;
            if (comparer.Equals(keys[v - 1], key)) return v - 1;
        }
    }

    /// <summary>Records that <paramref name="key"/> (not yet held) is at <paramref name="index"/>.</summary>
    public void Insert(TKey key, int index)
    {
        if ((long)(_count + 1) * 4 > (long)_slots.Length * 3) Grow();
        Place(_slots, key, index);
        _count++;
    }

    private void Grow()
    {
        if (_slots.Length >= 1 << 30) throw new InvalidOperationException("more items than a state holds");
        var bigger = new int[_slots.Length * 2];
        foreach (int v in _slots) if (v != 0) Place(bigger, keys[v - 1], v - 1);
        _slots = bigger;
    }

    private void Place(int[] slots, TKey key, int index)
    {
        int mask = slots.Length - 1;
        int s = Slot(key, mask);
        while (slots[s] != 0) s = (s + 1) & mask;
        slots[s] = index + 1;
    }

    // a multiplicative mix spreads the comparer's hash over the high bits, which pick the slot
    private int Slot(TKey key, int mask) => (int)(((ulong)(uint)comparer.GetHashCode(key!) * 0x9E3779B97F4A7C15UL) >> 32) & mask;
}
