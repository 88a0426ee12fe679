using System.Diagnostics;
using System.Globalization;
using Polder.Analysis;
using Polder.Analysis.Reporting;

namespace Polder.Benchmarks;

/// <summary>
/// One whole <c>polder analyze</c> run with the wall and CPU seconds of each stage, taken at the stage changes of its
/// <see cref="AnalysisProgress"/> reports, and posts per CPU-second. A quick figure on real input, not a benchmark.
/// </summary>
public static class StageTimer
{
    /// <summary>Analyses <paramref name="file"/> (and writes the report to <paramref name="outDir"/> when given), then prints the table.</summary>
    public static void Run(string file, string? outDir)
    {
        var rows = new List<(string Stage, double Wall, double Cpu)>();
        var proc = Process.GetCurrentProcess();
        var wall = Stopwatch.StartNew();
        string stage = "reading";
        double lastWall = 0, lastCpu = Cpu(proc);
        void Close(string next)
        {
            double w = wall.Elapsed.TotalSeconds, c = Cpu(proc);
            rows.Add((stage, w - lastWall, c - lastCpu));
            (stage, lastWall, lastCpu) = (next, w, c);
        }
        // the text stage is split where it says so: its language pass, topic discovery and the Dutch layers
        var progress = new SyncProgress(p =>
        {
            var name = p.Stage == "text" && p.Detail is "topic discovery" ? "text:topics"
                : p.Stage == "text" && p.Detail is "sentiment, themes, complaints, places" ? "text:dutch"
                : p.Stage == "text" && stage.StartsWith("text", StringComparison.Ordinal) ? stage : p.Stage;
            if (name != stage) Close(name);
        });
        var analysis = CommunityAnalyzer.Default.AnalyzeFile(file, progress);
        if (stage != "done") Close("done");
        if (outDir is not null)
        {
            stage = "report";
            AnalysisOutput.WriteAll(analysis, outDir);
            Close("done");
        }
        int posts = analysis.Posts.Count;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"{file}: {posts:N0} posts; peak working set {proc.PeakWorkingSet64 / 1e9:F2} GB"));
        Console.WriteLine("stage        wall s    CPU s   CPU µs/post   posts/CPU-s");
        foreach (var (s, w, c) in rows)
            Console.WriteLine(string.Create(inv, $"{s,-10} {w,8:F2} {c,8:F2} {1e6 * c / posts,13:F2} {(c > 0 ? posts / c : double.PositiveInfinity),13:N0}"));
        Console.WriteLine(string.Create(inv, $"{"total",-10} {rows.Sum(r => r.Wall),8:F2} {rows.Sum(r => r.Cpu),8:F2}"));
    }

    private static double Cpu(Process p)
    {
        p.Refresh();
        return p.TotalProcessorTime.TotalSeconds;
    }

    private sealed class SyncProgress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        private readonly Lock _gate = new();
        public void Report(AnalysisProgress value) { lock (_gate) report(value); }
    }
}
