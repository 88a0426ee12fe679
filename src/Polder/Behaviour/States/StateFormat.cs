using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Polder.Behaviour.States;

/// <summary>
/// The compact binary form of the states (a <see cref="BinaryWriter"/> stream, little-endian, no BinaryFormatter) and
/// its limits: a state read from untrusted bytes is checked field by field, and every count and string is bounded.
/// </summary>
internal static class StateFormat
{
    public const int Magic = 0x53444C50; // "PLDS"
    public const int Version = 2;   // 2: actors keep post counts, the links their times
    public const int MaxString = 4096;
    public const int MaxItems = 200_000_000;

    /// <summary>The 64-bit key of a post id (XXH3): states keep keys, not id strings. The chance that two of 10 million ids share a key is about 3 in a million.</summary>
    public static ulong KeyOf(string postId) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(postId.AsSpan()));

    public static int ReadCount(BinaryReader r, int max, string what)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > max) throw new InvalidDataException($"state: {what} count {n} outside 0..{max}");
        return n;
    }

    public static void WriteString(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    public static string? ReadString(BinaryReader r)
    {
        if (!r.ReadBoolean()) return null;
        var s = r.ReadString();
        if (s.Length > MaxString) throw new InvalidDataException($"state: a string of {s.Length} characters (at most {MaxString})");
        return s;
    }

    public static string ReadPlain(BinaryReader r)
    {
        var s = r.ReadString();
        if (s.Length > MaxString) throw new InvalidDataException($"state: a string of {s.Length} characters (at most {MaxString})");
        return s;
    }

    public static long ReadTicks(BinaryReader r)
    {
        long t = r.ReadInt64();
        if (t < DateTime.MinValue.Ticks || t > DateTime.MaxValue.Ticks) throw new InvalidDataException($"state: time {t} out of range");
        return t;
    }

    public static int ReadIndex(BinaryReader r, int count, string what)
    {
        int i = r.ReadInt32();
        if ((uint)i >= (uint)count) throw new InvalidDataException($"state: {what} index {i} outside 0..{count - 1}");
        return i;
    }
}
