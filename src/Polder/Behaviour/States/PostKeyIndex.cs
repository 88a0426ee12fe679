using Polder.Analysis;

namespace Polder.Behaviour.States;

/// <summary>
/// An open-addressing hash index from a 64-bit post key to the post's dense index (its place in arrival order): one
/// int array, linear probing, at most three quarters full. The keys themselves stay in the owner's column, so a
/// rehash copies only this array (4 bytes a slot) instead of a dictionary's keys and values. Not thread-safe.
/// </summary>
internal sealed class PostKeyIndex(ChunkedColumn<ulong> keys)
{
    private int[] _slots = new int[16];   // post index + 1; 0 = empty
    private int _count;

    /// <summary>The index of <paramref name="key"/>, or −1.</summary>
    public int Find(ulong key)
    {
        int mask = _slots.Length - 1;
        for (int s = Slot(key, mask); ; s = (s + 1) & mask)
        {
            int v = _slots[s];
            if (v == 0) return -1;
            if (keys[v - 1] == key) return v - 1;
        }
    }

    /// <summary>Records that <paramref name="key"/> (not yet held) is at <paramref name="index"/>.</summary>
    public void Insert(ulong key, int index)
    {
        if ((long)(_count + 1) * 4 > (long)_slots.Length * 3) Grow();
        Place(_slots, key, index);
        _count++;
    }

    private void Grow()
    {
        if (_slots.Length >= 1 << 30) throw new InvalidOperationException("more posts than a state holds");
        var bigger = new int[_slots.Length * 2];
        foreach (int v in _slots) if (v != 0) Place(bigger, keys[v - 1], v - 1);
        _slots = bigger;
    }

    private static void Place(int[] slots, ulong key, int index)
    {
        int mask = slots.Length - 1;
        int s = Slot(key, mask);
        while (slots[s] != 0) s = (s + 1) & mask;
        slots[s] = index + 1;
    }

    // the keys are XXH3 hashes, already uniform; a multiplicative mix costs nothing and spreads keys that are not
    private static int Slot(ulong key, int mask) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & mask;
}
