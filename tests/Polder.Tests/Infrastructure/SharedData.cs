namespace Polder.Tests.Infrastructure;

/// <summary>Finds <c>../shared/data</c> beside the repository (read-only data written by others; never committed).</summary>
public static class SharedData
{
    /// <summary>The repository root: the folder holding Analysis.sln, found by walking up from the test binary.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Absolute path of <c>../shared/data</c>, or null when it is absent (a user's clone).</summary>
    public static string? Root { get; } = FindShared();

    /// <summary>Absolute path of a file under shared/data.</summary>
    public static string PathOf(string relative) =>
        Path.Combine(Root ?? throw new InvalidOperationException("../shared/data is absent"), relative);

    /// <summary>True when the file exists under shared/data.</summary>
    public static bool Has(string relative) => Root is not null && File.Exists(Path.Combine(Root, relative));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Analysis.sln"))) return dir.FullName;
        throw new InvalidOperationException("Analysis.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindShared()
    {
        var env = Environment.GetEnvironmentVariable("POLDER_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        var p = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));
        return Directory.Exists(p) ? p : null;
    }
}

/// <summary>A fact that needs files from ../shared/data: skipped with a clear message when they are absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <param name="files">Paths relative to ../shared/data that the test reads.</param>
    public SharedDataFactAttribute(params string[] files)
    {
        var missing = files.Where(f => !SharedData.Has(f)).ToArray();
        if (missing.Length > 0)
            Skip = "needs ../shared/data/" + string.Join(", ../shared/data/", missing) + " (not in this checkout's surroundings)";
    }
}

/// <summary>A theory that needs files from ../shared/data: skipped with a clear message when they are absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    /// <param name="files">Paths relative to ../shared/data that the test reads.</param>
    public SharedDataTheoryAttribute(params string[] files)
    {
        var missing = files.Where(f => !SharedData.Has(f)).ToArray();
        if (missing.Length > 0)
            Skip = "needs ../shared/data/" + string.Join(", ../shared/data/", missing) + " (not in this checkout's surroundings)";
    }
}
