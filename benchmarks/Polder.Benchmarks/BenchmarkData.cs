namespace Polder.Benchmarks;

/// <summary>Finds ../shared/data beside the repository (or $POLDER_SHARED_DATA) for benchmark inputs.</summary>
public static class BenchmarkData
{
    /// <summary>Absolute path of a file under shared/data; a clear error when it is absent.</summary>
    public static string PathOf(string relative)
    {
        var env = Environment.GetEnvironmentVariable("POLDER_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && File.Exists(Path.Combine(env, relative))) return Path.Combine(env, relative);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Analysis.sln"))) continue;
            var p = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative));
            if (File.Exists(p)) return p;
            throw new FileNotFoundException($"benchmark input {p} is absent: put ../shared/data beside the repository or set POLDER_SHARED_DATA");
        }
        throw new FileNotFoundException($"Analysis.sln not found above {AppContext.BaseDirectory}; set POLDER_SHARED_DATA");
    }

    /// <summary>The non-empty lines of nl-mixed-corpus.txt (19k real Dutch documents).</summary>
    public static string[] MixedCorpus() =>
        File.ReadAllLines(PathOf("text/nl-mixed-corpus.txt")).Where(l => l.Length > 0).ToArray();
}
