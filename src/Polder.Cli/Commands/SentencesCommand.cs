using Polder.Text;

namespace Polder.Cli.Commands;

/// <summary><c>polder sentences FILE</c>: one JSON object of sentences per input line.</summary>
public sealed class SentencesCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "sentences";

    /// <inheritdoc />
    public string Summary => "sentences per line as JSON: {\"sentences\":[\"…\"]}";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var path = context.Args.Positional.Count == 1 ? context.Args.Positional[0] : throw new CliUsageException("usage: polder sentences FILE (- for stdin)");
        var tokenizer = DutchTokenizer.Default;
        var splitter = SentenceSplitter.Default;
        using var json = new JsonLineWriter(context.Out);
        Token[] tokens = new Token[1024];
        Sentence[] sentences = new Sentence[1024];
        foreach (var (_, text) in TextLineReader.ReadLines(path, context.In))
        {
            if (tokens.Length < text.Length) { tokens = new Token[text.Length]; sentences = new Sentence[text.Length]; }
            int nt = tokenizer.Tokenize(text, tokens);
            int ns = splitter.Split(text, tokens.AsSpan(0, nt), sentences);
            var w = json.Begin();
            w.WriteStartObject();
            w.WriteStartArray("sentences");
            for (int k = 0; k < ns; k++) w.WriteStringValue(sentences[k].Slice(text));
            w.WriteEndArray();
            w.WriteEndObject();
            json.End();
        }
        return 0;
    }
}
