using System.Text.Encodings.Web;
using System.Text.Json;
using Polder.Text;

namespace Polder.Cli.Commands;

/// <summary><c>polder tokenize FILE</c>: one JSON object of tokens per input line.</summary>
public sealed class TokenizeCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "tokenize";

    /// <inheritdoc />
    public string Summary => "tokens per line as JSON: {\"tokens\":[{\"text\",\"start\",\"length\",\"kind\"}]}";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var path = context.Args.Positional.Count == 1 ? context.Args.Positional[0] : throw new CliUsageException("usage: polder tokenize FILE (- for stdin)");
        var tokenizer = DutchTokenizer.Default;
        using var json = new JsonLineWriter(context.Out);
        foreach (var (_, text) in TextLineReader.ReadLines(path, context.In))
        {
            var w = json.Begin();
            w.WriteStartObject();
            w.WriteStartArray("tokens");
            // The enumerator needs no token buffer, so a huge line costs only its JSON.
            foreach (var t in tokenizer.EnumerateTokens(text))
            {
                w.WriteStartObject();
                w.WriteString("text", t.Slice(text));
                w.WriteNumber("start", t.Start);
                w.WriteNumber("length", t.Length);
                w.WriteString("kind", TokenKindNames.Of(t.Kind));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            json.End();
        }
        return 0;
    }
}

/// <summary>Lower-case JSON names of token kinds ("word", "hashtag", …).</summary>
public static class TokenKindNames
{
    private static readonly string[] Names = Enum.GetNames<TokenKind>().Select(n => n.ToLowerInvariant()).ToArray();

    /// <summary>The JSON name of <paramref name="kind"/>.</summary>
    public static string Of(TokenKind kind) => Names[(int)kind];
}

/// <summary>Writes one compact JSON value per line (JSON Lines) with readable non-ASCII text.</summary>
public sealed class JsonLineWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
    private readonly TextWriter _out;
    private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _writer;

    /// <summary>Writes to <paramref name="output"/>.</summary>
    public JsonLineWriter(TextWriter output)
    {
        _out = output;
        _writer = new Utf8JsonWriter(_buffer, Options);
    }

    /// <summary>Starts one line; write exactly one JSON value, then call <see cref="End"/>.</summary>
    public Utf8JsonWriter Begin()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        return _writer;
    }

    /// <summary>Ends the line and writes it out.</summary>
    public void End()
    {
        _writer.Flush();
        _out.WriteLine(System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        _out.Flush();
    }
}
