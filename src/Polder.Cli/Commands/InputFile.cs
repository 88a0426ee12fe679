namespace Polder.Cli.Commands;

/// <summary>An input file named on the command line: present, a file, and (for commands that pick a reader by it) its first line.</summary>
internal static class InputFile
{
    /// <summary>Fails with a usage error when <paramref name="path"/> is missing or a directory.</summary>
    public static void Require(string path)
    {
        if (!File.Exists(path)) throw new CliUsageException(Directory.Exists(path) ? $"{path} is a directory, not a file" : $"file not found: {path}");
    }

    /// <summary>The header line of <paramref name="path"/> ("" for an empty file), after <see cref="Require"/>.</summary>
    public static string Header(string path)
    {
        Require(path);
        using var r = new StreamReader(path);
        return r.ReadLine() ?? "";
    }
}
