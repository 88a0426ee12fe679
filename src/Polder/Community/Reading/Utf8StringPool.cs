using System.Text;

namespace Polder.Community.Reading;

/// <summary>
/// Decodes UTF-8 fields to strings, handing out one shared instance per distinct value while the pool holds it, so a
/// big read keeps each repeated value (an author, a channel, a templated or copied text) once. Bounded: when
/// <c>maxEntries</c> values are held the pool starts afresh, so a file of unique values costs lookups, not memory.
/// Not thread-safe: one pool per read.
/// </summary>
internal sealed class Utf8StringPool(int maxEntries, int maxBytes)
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private char[] _chars = new char[Math.Min(maxBytes, 256)];

    /// <summary>The string of <paramref name="utf8"/> (valid UTF-8): the pooled instance when the value was seen before.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return "";
        if (utf8.Length > maxBytes) return Encoding.UTF8.GetString(utf8);
        // a UTF-8 byte never decodes to more than one UTF-16 char
        if (_chars.Length < utf8.Length) _chars = new char[Math.Max(utf8.Length, _chars.Length * 2)];
        int n = Encoding.UTF8.GetChars(utf8, _chars);
        var span = _chars.AsSpan(0, n);
        var lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(span, out var known)) return known;
        if (_values.Count >= maxEntries) _values.Clear();
        var value = new string(span);
        _values[value] = value;
        return value;
    }
}
