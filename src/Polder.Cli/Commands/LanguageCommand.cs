using Polder.Language;

namespace Polder.Cli.Commands;

/// <summary><c>polder language FILE</c>: the language of every input line, one JSON object per line.</summary>
public sealed class LanguageCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "language";

    /// <inheritdoc />
    public string Summary => "language per line as JSON: {\"language\":\"nl\",\"confidence\":0.97} (nl, en, another script's language or unknown)";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var path = context.Args.Positional.Count == 1 ? context.Args.Positional[0] : throw new CliUsageException("usage: polder language FILE (- for stdin)");
        var identifier = LanguageIdentifier.Default;
        using var json = new JsonLineWriter(context.Out);
        foreach (var (_, text) in TextLineReader.ReadLines(path, context.In))
        {
            var guess = identifier.Identify(text);
            var w = json.Begin();
            w.WriteStartObject();
            w.WriteString("language", guess.Language);
            // three decimals: more would suggest a precision the calibration does not have
            w.WriteNumber("confidence", Math.Round(guess.Confidence, 3));
            w.WriteEndObject();
            json.End();
        }
        return 0;
    }
}
