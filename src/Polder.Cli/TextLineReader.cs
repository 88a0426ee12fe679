using System.Text;

namespace Polder.Cli;

/// <summary>
/// Reads UTF-8 text one document per line from a file or stdin (<c>-</c>). Lines are split on bytes and each is
/// decoded strictly, so invalid UTF-8 is an error naming the exact file, line and byte column, never replaced.
/// </summary>
public static class TextLineReader
{
    /// <summary>Longest accepted line; longer ones are an error rather than an unbounded allocation.</summary>
    public const int MaxLineBytes = 256 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Yields (line number, text) for each line; a final empty line after the last newline is not a document.</summary>
    public static IEnumerable<(long Line, string Text)> ReadLines(string path, TextReader stdin)
    {
        if (path == "-" && stdin is StreamReader { BaseStream: { } raw })
        {
            // the bytes themselves, so that invalid UTF-8 is named by its line (a StreamReader decodes whole blocks)
            foreach (var item in ReadLines(raw, "<stdin>")) yield return item;
            yield break;
        }
        if (path == "-")
        {
            // The process's stdin reader already decodes strictly (see Program.cs).
            long n = 0;
            while (true)
            {
                string? l;
                try { l = stdin.ReadLine(); }
                catch (DecoderFallbackException) { throw new Polder.Analysis.PolderInputException("invalid UTF-8", "<stdin>", n + 1); }
                if (l is null) yield break;
                yield return (++n, l);
            }
        }
        Commands.InputFile.Require(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        foreach (var item in ReadLines(stream, path)) yield return item;
    }

    /// <summary>Splits <paramref name="stream"/> into decoded lines; <paramref name="name"/> names it in errors.</summary>
    public static IEnumerable<(long Line, string Text)> ReadLines(Stream stream, string name)
    {
        var buffer = new byte[1 << 16];
        int start = 0, end = 0;
        long line = 0;
        bool first = true;
        while (true)
        {
            // Find a newline in the unread part; read more when there is none.
            int nl = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (nl < 0)
            {
                if (start > 0) { Buffer.BlockCopy(buffer, start, buffer, 0, end - start); end -= start; start = 0; }
                if (end == buffer.Length)
                {
                    if (buffer.Length >= MaxLineBytes) throw new InvalidDataException($"{name}:{line + 1}: line longer than {MaxLineBytes} bytes");
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxLineBytes));
                }
                int read = stream.Read(buffer, end, buffer.Length - end);
                if (read > 0) { end += read; continue; }
                if (end > start) yield return (++line, Decode(buffer, start, end - start, name, line, ref first));
                yield break;
            }
            int len = nl - start;
            if (len > 0 && buffer[nl - 1] == '\r') len--;
            yield return (++line, Decode(buffer, start, len, name, line, ref first));
            start = nl + 1;
        }
    }

    private static string Decode(byte[] bytes, int offset, int count, string name, long line, ref bool first)
    {
        if (first)
        {
            first = false;
            if (count >= 3 && bytes[offset] == 0xEF && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF) { offset += 3; count -= 3; }
        }
        try { return StrictUtf8.GetString(bytes, offset, count); }
        catch (DecoderFallbackException e)
        {
            int column = e.Index >= 0 ? e.Index + 1 : 0;
            throw new Polder.Analysis.PolderInputException($"invalid UTF-8 at byte {column} of the line", name, line);
        }
    }
}
