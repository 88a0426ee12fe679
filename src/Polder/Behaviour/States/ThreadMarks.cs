namespace Polder.Behaviour.States;

/// <summary>
/// A short growable list of <see cref="ThreadsState.Mark"/>s held inline in a thread entry (an array and a count, no
/// list object): a thread has a handful of participants and organisation posts, and millions of threads each paying
/// for two <see cref="List{T}"/> objects and doubled arrays showed in the peak memory of large runs. A mutable struct:
/// use it only as a field, never copy it. Not thread-safe.
/// </summary>
internal struct ThreadMarks
{
    private ThreadsState.Mark[]? _items;

    /// <summary>Marks held.</summary>
    public int Count { readonly get; private set; }

    /// <summary>The marks held, in the order they were added.</summary>
    public readonly ReadOnlySpan<ThreadsState.Mark> Span => _items is null ? default : _items.AsSpan(0, Count);

    public void Add(ThreadsState.Mark m)
    {
        if (_items is null || Count == _items.Length)
            Array.Resize(ref _items, Count < 4 ? Count + 2 : Count * 3 / 2); // small steps: most threads stay small
        _items[Count++] = m;
    }

    /// <summary>Keeps each actor's earliest mark: adds <paramref name="m"/> or moves the actor's mark earlier.</summary>
    public void AddEarliest(ThreadsState.Mark m)
    {
        for (int i = 0; i < Count; i++)
            if (_items![i].Actor == m.Actor) { if (m.Before(_items[i])) _items[i] = m; return; }
        Add(m);
    }
}
