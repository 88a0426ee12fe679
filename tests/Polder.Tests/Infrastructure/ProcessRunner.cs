using System.Diagnostics;
using System.Text;

namespace Polder.Tests.Infrastructure;

/// <summary>
/// Runs an external command (here: the dotnet CLI) with a time limit, capturing its output; on failure or time-out
/// it throws with the command, the exit code and the end of the output, so a failing test says what went wrong.
/// </summary>
public static class ProcessRunner
{
    /// <summary>The dotnet executable running these tests (the same SDK), or "dotnet" from PATH.</summary>
    public static string Dotnet { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } p && File.Exists(p) ? p : "dotnet";

    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/> in <paramref name="workingDirectory"/>; returns stdout.</summary>
    /// <param name="file">The program.</param>
    /// <param name="args">Its arguments, one per element (no shell quoting).</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="timeout">How long it may take; it is killed (with its children) after that.</param>
    /// <param name="environment">Variables to set (null value: remove).</param>
    public static string Run(string file, IReadOnlyList<string> args, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
            if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;

        var output = new StringBuilder();
        var gate = new object();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine("[stderr] " + e.Data); };
        var command = file + " " + string.Join(' ', args);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit(TimeSpan.FromSeconds(10));
            throw new TimeoutException($"'{command}' did not finish within {timeout.TotalSeconds:F0} s; output so far:\n{Tail(output, gate)}");
        }
        // drain the asynchronous readers, but do not hang on a grandchild that kept the pipes open
        Task.Run(() => process.WaitForExit()).Wait(TimeSpan.FromSeconds(30));
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{command}' exited with {process.ExitCode} after {clock.Elapsed.TotalSeconds:F0} s:\n{Tail(output, gate)}");
        lock (gate) return output.ToString();
    }

    private static string Tail(StringBuilder output, object gate)
    {
        string text;
        lock (gate) text = output.ToString();
        var lines = text.Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 80)));
    }
}
