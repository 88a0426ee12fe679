using System.Runtime.CompilerServices;

namespace Polder.Topics;

/// <summary>
/// A read-only open-addressing map from n-gram text to an integer, keyed by a 64-bit FNV-1a hash of the text:
/// one probe sequence in two flat arrays, no string comparison (64-bit collisions are negligible at this size).
/// </summary>
internal sealed class NgramTable
{
    private readonly ulong[] _keys;
    private readonly int[] _values;
    private readonly int _shift;

    public NgramTable(IReadOnlyList<string> keys, Func<int, bool>? include = null)
    {
        int n = 0;
        for (int i = 0; i < keys.Count; i++) if (include is null || include(i)) n++;
        int bits = Math.Max(4, (int)Math.Ceiling(Math.Log2(Math.Max(n, 1) * 2.0)));
        _keys = new ulong[1 << bits];
        _values = new int[1 << bits];
        _shift = 64 - bits;
        for (int i = 0; i < keys.Count; i++)
        {
            if (include is not null && !include(i)) continue;
            ulong h = Hash(keys[i]);
            int slot = Slot(h);
            while (_keys[slot] != 0 && _keys[slot] != h) slot = (slot + 1) & (_keys.Length - 1);
            if (_keys[slot] == h) continue; // first wins (duplicates do not occur in a vocabulary)
            _keys[slot] = h;
            _values[slot] = i;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ReadOnlySpan<char> key, out int value) => TryGetValue(Hash(key), out value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ulong hash, out int value)
    {
        var keys = _keys;
        int mask = keys.Length - 1;
        for (int slot = Slot(hash); ; slot = (slot + 1) & mask)
        {
            ulong k = keys[slot];
            if (k == hash) { value = _values[slot]; return true; }
            if (k == 0) { value = -1; return false; }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong h) => (int)((h * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>FNV-1a over the UTF-16 code units; never 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s) { h ^= c; h *= 1099511628211UL; }
        return h == 0 ? 1 : h;
    }
}
