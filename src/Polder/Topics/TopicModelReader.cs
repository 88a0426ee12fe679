using System.IO.Compression;
using System.Text;

namespace Polder.Topics;

/// <summary>
/// Reads the fields of a topic model file with limits, so that a corrupt or hostile file fails with a clear
/// <see cref="InvalidDataException"/> instead of an out-of-memory error or a huge allocation: the decompressed
/// size, every count and every string length are bounded, numbers must be finite, and a truncated file says so.
/// </summary>
internal sealed class TopicModelReader : IDisposable
{
    /// <summary>The largest decompressed model accepted (bytes).</summary>
    public const long MaxDecompressedBytes = 512L * 1024 * 1024;

    /// <summary>The longest label, n-gram or word accepted (characters).</summary>
    public const int MaxStringLength = 4096;

    private readonly GZipStream _gzip;
    private readonly BinaryReader _reader;
    private readonly CountingStream _counter;

    public TopicModelReader(Stream compressed)
    {
        _gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        _counter = new CountingStream(_gzip, MaxDecompressedBytes);
        _reader = new BinaryReader(_counter, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Runs <paramref name="read"/>, turning end-of-stream and gzip errors into <see cref="InvalidDataException"/>.</summary>
    public static T Guard<T>(Func<T> read)
    {
        try { return read(); }
        catch (EndOfStreamException e) { throw new InvalidDataException("topic model: the file is truncated", e); }
        catch (InvalidDataException e) when (!e.Message.StartsWith("topic model", StringComparison.Ordinal) && !e.Message.StartsWith("not a Polder", StringComparison.Ordinal))
        { throw new InvalidDataException($"topic model: damaged ({e.Message})", e); }
        catch (DecoderFallbackException e) { throw new InvalidDataException("topic model: a string is not valid UTF-8", e); }
        catch (ArgumentException e) { throw new InvalidDataException($"topic model: {e.Message}", e); }
    }

    public int ReadInt32(string what, int min, int max)
    {
        int v = _reader.ReadInt32();
        if (v < min || v > max) throw new InvalidDataException($"topic model: {what} is {v}, expected {min}..{max}");
        return v;
    }

    public bool ReadBoolean() => _reader.ReadBoolean();

    public ulong ReadUInt64() => _reader.ReadUInt64();

    public float ReadFinite(string what)
    {
        float v = _reader.ReadSingle();
        if (!float.IsFinite(v)) throw new InvalidDataException($"topic model: {what} is not a finite number");
        return v;
    }

    public float ReadHalf(string what)
    {
        var v = (float)_reader.ReadHalf();
        if (!float.IsFinite(v)) throw new InvalidDataException($"topic model: {what} is not a finite number");
        return v;
    }

    /// <summary>A length-prefixed UTF-8 string (as <see cref="BinaryWriter.Write(string)"/>) of bounded length.</summary>
    public string ReadString(string what)
    {
        // BinaryWriter's 7-bit encoded byte length
        int length = 0, shift = 0;
        byte b;
        do
        {
            if (shift > 28) throw new InvalidDataException($"topic model: bad length of {what}");
            b = _reader.ReadByte();
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (length < 0 || length > MaxStringLength * 3) throw new InvalidDataException($"topic model: {what} is {length} bytes long (at most {MaxStringLength * 3})");
        var bytes = _reader.ReadBytes(length);
        if (bytes.Length != length) throw new EndOfStreamException();
        return Strict.GetString(bytes);
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public void Dispose()
    {
        _reader.Dispose();
        _counter.Dispose();
        _gzip.Dispose();
    }

    /// <summary>Passes reads through and fails once more than the limit has been read.</summary>
    private sealed class CountingStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        private int Count(int n)
        {
            _read += n;
            if (_read > limit) throw new InvalidDataException($"topic model: more than {limit / (1024 * 1024)} MB when decompressed");
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
