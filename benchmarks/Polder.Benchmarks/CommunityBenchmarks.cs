using BenchmarkDotNet.Attributes;
using Polder.Behaviour;
using Polder.Community;
using Polder.Community.Reading;
using Polder.Community.Simulation;

namespace Polder.Benchmarks;

/// <summary>
/// Reading plus all behaviour metrics over about one million simulated posts (a year of a busy municipality:
/// 20,000 citizens, ~800 threads a day). Run: dotnet run -c Release --project benchmarks/Polder.Benchmarks -- --filter '*CommunityBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CommunityBenchmarks
{
    private string _file = "";
    private OnlineCommunity _community = null!;

    /// <summary>Posts in the simulated file.</summary>
    public long Posts { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), "polder-bench-1m.csv");
        var options = new SimulationOptions { Seed = 2024, Days = 365, ThreadsPerDay = 800, Citizens = 20_000, Businesses = 200, KeepText = true };
        using (var s = File.Create(_file))
        using (var w = new PolderCsvWriter(s))
            foreach (var r in CommunitySimulator.Stream(options, out _)) w.Write(r);
        _community = CommunityLoader.Load(_file, CommunityFormats.PolderCsv with { KeepText = false }, null, out var report);
        Posts = report.Accepted;
        Console.WriteLine($"// {Posts:N0} posts, {_community.Actors.Count:N0} actors, {_community.ThreadIds.Count:N0} threads, file {new FileInfo(_file).Length / 1e6:N0} MB");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    /// <summary>The metrics pass alone over the built community.</summary>
    [Benchmark]
    public BehaviourReport Metrics() => BehaviourAnalyzer.Analyze(_community);

    /// <summary>Streaming read of the CSV and building the community (texts dropped).</summary>
    [Benchmark]
    public OnlineCommunity ReadAndBuild() => CommunityLoader.Load(_file, CommunityFormats.PolderCsv with { KeepText = false }, null, out _);

    /// <summary>Everything: read, build, all metrics.</summary>
    [Benchmark]
    public BehaviourReport ReadBuildAndMetrics() =>
        BehaviourAnalyzer.Analyze(CommunityLoader.Load(_file, CommunityFormats.PolderCsv with { KeepText = false }, null, out _));
}
