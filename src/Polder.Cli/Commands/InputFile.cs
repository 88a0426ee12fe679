namespace Polder.Cli.Commands;

/// <summary>An input file named on the command line: present, a file, and (for commands that pick a reader by it) its first line.</summary>
internal static class InputFile
{
    /// <summary>Fails with a usage error when <paramref name="path"/> is missing or a directory.</summary>
    public static void Require(string path)
    {
        if (!File.Exists(path)) throw new CliUsageException(Directory.Exists(path) ? $"{path} is a directory, not a file" : $"file not found: {path}", hint: false);
    }

    /// <summary>
    /// Fails on the first invalid-UTF-8 row the community reader skipped: in every verb a wrongly encoded file is an
    /// error naming file, line and field, whatever the policy for other bad rows.
    /// </summary>
    public static void RequireValidUtf8(Polder.Analysis.ReadSummary read)
    {
        if (read.Issues.FirstOrDefault(i => i.Reason.StartsWith("invalid UTF-8", StringComparison.Ordinal)) is { } bad)
            throw new Polder.Data.PolderInputException(bad.Reason, bad.File, bad.Line, bad.Field);
    }

    /// <summary>The header line of <paramref name="path"/> ("" for an empty file), after <see cref="Require"/>.</summary>
    public static string Header(string path)
    {
        Require(path);
        using var r = new StreamReader(path);
        return r.ReadLine() ?? "";
    }
}
