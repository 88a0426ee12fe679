namespace Polder.Cli;

/// <summary>One verb of the <c>polder</c> tool.</summary>
public interface ICliCommand
{
    /// <summary>The verb (or verbs, space-separated, e.g. "train topics").</summary>
    string Name { get; }

    /// <summary>One line for the help screen.</summary>
    string Summary { get; }

    /// <summary>Runs the verb; returns the process exit code.</summary>
    int Run(CliContext context);
}

/// <summary>What a verb gets: its arguments and the process streams (tests pass their own).</summary>
public sealed record CliContext(CliArguments Args, TextReader In, TextWriter Out, TextWriter Error);

/// <summary>A user mistake on the command line: printed as one line without a stack trace, exit 2.</summary>
/// <param name="message">What is wrong, for a person.</param>
/// <param name="hint">Whether to point at <c>--help</c> (not for a missing file: help would not find it).</param>
public sealed class CliUsageException(string message, bool hint = true) : Exception(message)
{
    /// <summary>Whether the message ends with a pointer to the verb's <c>--help</c>.</summary>
    public bool Hint { get; } = hint;
}
