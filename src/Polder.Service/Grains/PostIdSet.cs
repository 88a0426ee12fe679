using System.Text;

namespace Polder.Service.Grains;

/// <summary>
/// The exact set of post ids a community holds (idempotency by post id: no hash that two ids could share), with its
/// persisted form kept up to date incrementally so a write does not re-encode every id. Not thread-safe (a grain's own).
/// </summary>
internal sealed class PostIdSet
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly MemoryStream _log = new();

    /// <summary>Ids held.</summary>
    public long Count => _ids.Count;

    /// <summary>Rebuilds the set from its persisted form; throws <see cref="InvalidDataException"/> on damaged bytes.</summary>
    public static PostIdSet Load(byte[] bytes)
    {
        var set = new PostIdSet();
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        while (r.BaseStream.Position < r.BaseStream.Length)
        {
            var id = r.ReadString();
            if (!set.Add(id)) throw new InvalidDataException($"post id '{id}' twice in the stored set");
        }
        return set;
    }

    /// <summary>Whether <paramref name="id"/> is held.</summary>
    public bool Contains(string id) => _ids.Contains(id);

    /// <summary>Adds <paramref name="id"/>; false when it was held already.</summary>
    public bool Add(string id)
    {
        if (!_ids.Add(id)) return false;
        using var w = new BinaryWriter(_log, Encoding.UTF8, leaveOpen: true);
        w.Write(id);
        return true;
    }

    /// <summary>Forgets the ids added since the log was <paramref name="length"/> bytes long (a batch that failed to persist).</summary>
    public void Truncate(long length, IEnumerable<string> added)
    {
        foreach (var id in added) _ids.Remove(id);
        _log.SetLength(length);
    }

    /// <summary>The persisted form's length now (a mark for <see cref="Truncate"/>).</summary>
    public long Length => _log.Length;

    /// <summary>The persisted form.</summary>
    public byte[] ToArray() => _log.ToArray();
}
