using System.Text;

namespace Polder.Cli;

/// <summary>
/// Reads UTF-8 text one document per line from a file or stdin (<c>-</c>). Lines are split on bytes and each is
/// decoded strictly, so invalid UTF-8 is an error naming the exact file, line and byte column, never replaced.
/// </summary>
public static class TextLineReader
{
    /// <summary>Longest accepted line; longer ones are an error rather than an unbounded allocation.</summary>
    public const int MaxLineBytes = Polder.Data.Utf8Lines.MaxLineBytes;

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
                catch (DecoderFallbackException) { throw new Polder.Data.PolderInputException("invalid UTF-8", "<stdin>", n + 1); }
                if (l is null) yield break;
                yield return (++n, l);
            }
        }
        Commands.InputFile.Require(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        foreach (var item in ReadLines(stream, path)) yield return item;
    }

    /// <summary>Splits <paramref name="stream"/> into decoded lines; <paramref name="name"/> names it in errors.</summary>
    public static IEnumerable<(long Line, string Text)> ReadLines(Stream stream, string name) => Polder.Data.Utf8Lines.Read(stream, name);
}
