using System.Runtime.CompilerServices;

namespace Polder.Topics;

/// <summary>
/// A read-only open-addressing map from n-gram text to an integer, keyed by a 64-bit FNV-1a hash of the text:
/// one probe sequence over one flat array of (hash, value) slots, so a hit costs one cache line; no string
/// comparison (64-bit collisions are negligible at this size). Hashes can be built incrementally with
/// <see cref="Start"/>, <see cref="Feed(ulong, char)"/> and <see cref="Finish"/>, so "w1 w2" is hashed by
/// continuing the hash of "w1".
/// </summary>
internal sealed class NgramTable
{
    private readonly Slot[] _slots;
    private readonly int _shift;
    private readonly ulong[] _filter;
    private readonly int _filterMask;

    private struct Slot
    {
        public ulong Key;
        public int Value;
    }

    /// <summary>Maps <c>keys[i]</c> to <c>i</c> for every <c>i</c> that <paramref name="include"/> accepts (all when null).</summary>
    public NgramTable(IReadOnlyList<string> keys, Func<int, bool>? include = null)
    {
        int n = 0;
        for (int i = 0; i < keys.Count; i++) if (include is null || include(i)) n++;
        int bits = Math.Max(4, (int)Math.Ceiling(Math.Log2(Math.Max(n, 1) * 2.0)));
        _slots = new Slot[1 << bits];
        _shift = 64 - bits;
        // a bit per (low bits of a) hash, about 16 bits per key: most misses are rejected in a small array
        _filter = new ulong[Math.Max(1, (1 << bits) * 8 / 64)];
        _filterMask = _filter.Length * 64 - 1;
        for (int i = 0; i < keys.Count; i++)
        {
            if (include is not null && !include(i)) continue;
            ulong h = Hash(keys[i]);
            int slot = SlotOf(h);
            while (_slots[slot].Key != 0 && _slots[slot].Key != h) slot = (slot + 1) & (_slots.Length - 1);
            if (_slots[slot].Key == h) continue; // first wins (duplicates do not occur in a vocabulary)
            _slots[slot].Key = h;
            _slots[slot].Value = i;
            int bit = (int)h & _filterMask;
            _filter[bit >> 6] |= 1UL << bit;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ReadOnlySpan<char> key, out int value) => TryGetValue(Hash(key), out value);

    /// <summary>
    /// Like <see cref="TryGetValue(ulong, out int)"/>, but first asks a compact bit filter, so that a key that is
    /// absent usually costs no probe of the table (for lookups that mostly miss).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetFiltered(ulong hash, out int value)
    {
        int bit = (int)hash & _filterMask;
        if ((_filter[bit >> 6] & (1UL << bit)) == 0) { value = -1; return false; }
        return TryGetValue(hash, out value);
    }

    /// <summary>Looks up a finished hash (<see cref="Hash(ReadOnlySpan{char})"/> or <see cref="Finish"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ulong hash, out int value)
    {
        var slots = _slots;
        int mask = slots.Length - 1;
        for (int slot = SlotOf(hash); ; slot = (slot + 1) & mask)
        {
            ref var s = ref slots[slot];
            if (s.Key == hash) { value = s.Value; return true; }
            if (s.Key == 0) { value = -1; return false; }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SlotOf(ulong h) => (int)((h * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>The FNV-1a state before any character.</summary>
    public const ulong Start = 14695981039346656037UL;

    /// <summary>Adds one UTF-16 code unit to an FNV-1a state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feed(ulong state, char c) => (state ^ c) * 1099511628211UL;

    /// <summary>Adds every code unit of <paramref name="s"/> to an FNV-1a state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feed(ulong state, ReadOnlySpan<char> s)
    {
        foreach (char c in s) state = (state ^ c) * 1099511628211UL;
        return state;
    }

    /// <summary>The table key of an FNV-1a state (never 0, which marks an empty slot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong state) => state == 0 ? 1 : state;

    /// <summary>FNV-1a over the UTF-16 code units; never 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ReadOnlySpan<char> s) => Finish(Feed(Start, s));
}
