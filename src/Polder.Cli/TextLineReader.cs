using System.Text;

namespace Polder.Cli;

/// <summary>
/// Reads UTF-8 text one document per line from a file or stdin (<c>-</c>). Invalid UTF-8 is an error naming the
/// file and line, never silently replaced.
/// </summary>
public static class TextLineReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Yields (line number, text) for each line; a final empty line after the last newline is not a document.</summary>
    public static IEnumerable<(long Line, string Text)> ReadLines(string path, TextReader stdin)
    {
        if (path == "-")
        {
            // Console.In already decodes; lines come as they are.
            long n = 0;
            while (stdin.ReadLine() is { } l) yield return (++n, l);
            yield break;
        }
        if (!File.Exists(path)) throw new CliUsageException($"{path}: no such file");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        long line = 0;
        while (true)
        {
            string? text;
            try { text = reader.ReadLine(); }
            catch (DecoderFallbackException e)
            {
                throw new InvalidDataException($"{path}:{line + 1}: invalid UTF-8 ({e.Message.Split('.')[0]})");
            }
            if (text is null) yield break;
            yield return (++line, text);
        }
    }
}
