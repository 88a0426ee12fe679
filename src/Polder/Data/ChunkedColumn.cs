namespace Polder.Data;

/// <summary>
/// A growing column of values kept in fixed 64 Ki-element chunks: no doubling copy and no single huge array when a
/// streamed analysis keeps a few bytes per post for ten million posts. Not thread-safe for writes.
/// </summary>
internal sealed class ChunkedColumn<T>
{
    private const int Shift = 16, Size = 1 << Shift, Mask = Size - 1;
    private readonly List<T[]> _chunks = [];

    public int Count { get; private set; }

    public void Add(T value)
    {
        if ((Count & Mask) == 0) _chunks.Add(new T[Size]);
        _chunks[Count >> Shift][Count & Mask] = value;
        Count++;
    }

    public T this[int index]
    {
        get => _chunks[index >> Shift][index & Mask];
        set => _chunks[index >> Shift][index & Mask] = value;
    }

    /// <summary>The element at <paramref name="index"/>, to change in place (chunks never move, so the reference stays valid).</summary>
    public ref T At(int index) => ref _chunks[index >> Shift][index & Mask];

    /// <summary>The elements as one array.</summary>
    public T[] ToArray()
    {
        var all = new T[Count];
        for (int c = 0; c < _chunks.Count; c++) _chunks[c].AsSpan(0, Math.Min(Size, Count - (c << Shift))).CopyTo(all.AsSpan(c << Shift));
        return all;
    }

    /// <summary>Drops every element and its memory.</summary>
    public void Clear() { _chunks.Clear(); _chunks.TrimExcess(); Count = 0; }

}
