using Polder.Cli;

namespace Polder.Tests.Infrastructure;

/// <summary>Runs the <c>polder</c> tool in-process with its own streams, as the CLI tests need it.</summary>
public static class CliRunner
{
    /// <summary>Runs <paramref name="args"/> with <paramref name="stdin"/> as standard input; returns exit code, stdout, stderr.</summary>
    public static (int Code, string Out, string Err) Run(string stdin, params string[] args) => Run(new StringReader(stdin), args);

    /// <summary>Runs <paramref name="args"/> with <paramref name="stdin"/> as standard input (e.g. one that must never be read).</summary>
    public static (int Code, string Out, string Err) Run(TextReader stdin, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CommandRouter.Run(args, stdin, o, e);
        return (code, o.ToString(), e.ToString());
    }
}
