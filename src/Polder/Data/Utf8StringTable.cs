using System.IO.Hashing;
using System.Text;

namespace Polder.Data;

/// <summary>
/// Distinct strings, each with a dense index (arrival order), kept as UTF-8 in shared 1 MiB blocks instead of one string
/// object each: a short id such as a thread id costs its bytes and 8 bytes for where they are, not a 40-byte object
/// and a reference (2.9M thread ids of a 10M-post community: ~140 MB as strings). Looked up through a
/// <see cref="DenseKeyIndex{TKey}"/> whose keys are those places. Not thread-safe.
/// </summary>
internal sealed class Utf8StringTable
{
    // a place: block (23 bits) | offset in the block (20 bits) | length (21 bits). A string never spans two blocks; one
    // longer than a quarter block gets a block of its own
    private const int BlockSize = 1 << 20, OffsetBits = 20, LengthBits = 21;
    private const int MaxLength = (1 << LengthBits) - 1, MaxBlocks = 1 << 23;
    private readonly List<byte[]> _blocks = [];
    private int _used;                 // bytes kept in the last shared block
    private bool _stagedOwnBlock;      // the last block holds a staged string of its own, not kept (yet)
    private readonly ChunkedColumn<long> _places = new();
    private readonly DenseKeyIndex<long> _index;

    /// <summary>Creates an empty table.</summary>
    public Utf8StringTable() => _index = new DenseKeyIndex<long>(_places, new PlaceComparer(this));

    /// <summary>Strings held.</summary>
    public int Count => _places.Count;

    /// <summary>The string at <paramref name="index"/> (a new string object each call).</summary>
    public string this[int index] => Encoding.UTF8.GetString(Bytes(_places[index]));

    /// <summary>The index of <paramref name="s"/>, or −1.</summary>
    public int Find(string s) => _index.Find(Stage(s));

    /// <summary>The index of <paramref name="s"/>, added when new.</summary>
    public int Add(string s)
    {
        long place = Stage(s);
        int i = _index.Find(place);
        if (i >= 0) return i;
        // keep the staged bytes: past them in a shared block; a block of its own is full
        if (_stagedOwnBlock) { _stagedOwnBlock = false; _used = BlockSize; }
        else _used += (int)(place & MaxLength);
        i = _places.Count;
        _places.Add(place);
        _index.Insert(place, i);
        return i;
    }

    /// <summary>Writes <paramref name="s"/> after the kept strings (without keeping it) and returns its place.</summary>
    private long Stage(string s)
    {
        int length = Encoding.UTF8.GetByteCount(s);
        if (length > MaxLength) throw new InvalidOperationException($"a string of {length:N0} bytes; at most {MaxLength:N0}");
        if (_stagedOwnBlock) { _blocks.RemoveAt(_blocks.Count - 1); _stagedOwnBlock = false; }
        int offset;
        if (length > BlockSize / 4)
        {
            NewBlock(length);
            _stagedOwnBlock = true;
            offset = 0;
        }
        else
        {
            if (_blocks.Count == 0 || _used + length >= BlockSize) { NewBlock(BlockSize); _used = 0; }
            offset = _used;
        }
        Encoding.UTF8.GetBytes(s, _blocks[^1].AsSpan(offset, length));
        return (long)(_blocks.Count - 1) << (OffsetBits + LengthBits) | (long)offset << LengthBits | (uint)length;
    }

    private void NewBlock(int size)
    {
        if (_blocks.Count == MaxBlocks) throw new InvalidOperationException("more string bytes than a table holds");
        _blocks.Add(new byte[size]);
    }

    private ReadOnlySpan<byte> Bytes(long place) => Bytes(_blocks, place);

    private static ReadOnlySpan<byte> Bytes(IReadOnlyList<byte[]> blocks, long place) =>
        blocks[(int)(place >> (OffsetBits + LengthBits))].AsSpan((int)(place >> LengthBits & (BlockSize - 1)), (int)(place & MaxLength));

    /// <summary>A copy of the strings held now that later additions do not change (safe to read from any thread).</summary>
    public Frozen Freeze()
    {
        var blocks = new byte[_blocks.Count][];
        for (int b = 0; b < blocks.Length; b++) blocks[b] = (byte[])_blocks[b].Clone();
        var places = new ChunkedColumn<long>();
        for (int i = 0; i < Count; i++) places.Add(_places[i]);
        return new Frozen(blocks, places, Count);
    }

    /// <summary>
    /// The strings held now without a copy, for an owner that adds no more (a state retired into its report): cheaper
    /// than <see cref="Freeze"/> by the table's size (10M posts: ~46 MB of thread ids).
    /// </summary>
    public Frozen Share() => new(_blocks.ToArray(), _places, Count);

    /// <summary>The strings of a table at one moment, by index; immutable.</summary>
    internal sealed class Frozen(byte[][] blocks, ChunkedColumn<long> places, int count)
    {
        /// <summary>Strings held.</summary>
        public int Count => count;

        /// <summary>The string at <paramref name="index"/> (a new string object each call).</summary>
        public string this[int index] => (uint)index < (uint)count ? Encoding.UTF8.GetString(Bytes(blocks, places[index])) : throw new ArgumentOutOfRangeException(nameof(index));
    }

    private sealed class PlaceComparer(Utf8StringTable table) : IEqualityComparer<long>
    {
        public bool Equals(long x, long y) => x == y || table.Bytes(x).SequenceEqual(table.Bytes(y));

        public int GetHashCode(long place) => (int)XxHash3.HashToUInt64(table.Bytes(place));
    }
}
