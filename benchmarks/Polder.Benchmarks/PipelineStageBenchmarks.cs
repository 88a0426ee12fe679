using BenchmarkDotNet.Attributes;
using Polder.Analysis;
using Polder.Analysis.Reporting;
using Polder.Behaviour;
using Polder.Community;
using Polder.Community.Simulation;

namespace Polder.Benchmarks;

/// <summary>
/// Each stage of <c>polder analyze</c> on a whole simulated community (seed 2024, 800 threads a day, 20,000 citizens,
/// as the 1M-post run, over <see cref="Days"/> days): read (CSV → community), text layer, behaviour, network,
/// forecasts and report (report.html, summary.json and the tables). One operation is the whole community, so
/// posts/s = the post count printed by the setup / Mean. The stages run with the machine's cores, as in the CLI.
/// </summary>
[MemoryDiagnoser]
public class PipelineStageBenchmarks
{
    /// <summary>Days simulated.</summary>
    public const int Days = 7;

    private byte[] _csv = [];
    private OnlineCommunity _community = null!;
    private TextLayerResult _text = null!;
    private CommunityAnalysis _analysis = null!;
    private readonly AnalysisOptions _options = AnalysisOptions.Default;
    private string _out = "";

    /// <summary>Simulates the community, writes it as CSV and analyses it once (the inputs of the later stages).</summary>
    [GlobalSetup]
    public void Setup()
    {
        using (var ms = new MemoryStream())
        {
            using (var w = new PolderCsvWriter(ms))
                foreach (var r in CommunitySimulator.Stream(new SimulationOptions { Seed = 2024, Days = Days, ThreadsPerDay = 800, Citizens = 20000 }, out _))
                    w.Write(r);
            _csv = ms.ToArray();
        }
        _community = Read().Community;
        _text = RunText();
        _analysis = CommunityAnalyzer.Default.Analyze(_community);
        _out = Directory.CreateTempSubdirectory("polder-bench-").FullName;
        Console.WriteLine($"// {_community.Posts.Count} posts, {_csv.Length:N0} bytes");
    }

    /// <summary>Removes the report directory.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_out, true);

    /// <summary>CSV bytes → community.</summary>
    [Benchmark]
    public (OnlineCommunity Community, ReadSummary Read) Read() =>
        CommunityAnalyzer.Default.Load(new MemoryStream(_csv, false), "simulated.csv", ".csv");

    /// <summary>The text layer (language, sentiment, topics, complaints, places and their aggregates).</summary>
    [Benchmark]
    public int Text() => RunText().Posts.Count;

    private TextLayerResult RunText() =>
        TextLayer.Run(_community, TextAnalyzer.From(_options), TimeWindow.Month, _options.TimeZone, null, CancellationToken.None);

    /// <summary>The behaviour report.</summary>
    [Benchmark]
    public BehaviourReport Behaviour() => BehaviourAnalyzer.Analyze(_community, new BehaviourOptions { Window = _options.Window, TimeZone = _options.TimeZone });

    /// <summary>The interaction network and its measures.</summary>
    [Benchmark]
    public NetworkAnalysis Network() => NetworkLayer.Run(_community, _options);

    /// <summary>The forecasts.</summary>
    [Benchmark]
    public ForecastSet Forecasts() => ForecastLayer.Run(_community, _text.Posts, TimeWindow.Month, _options, CancellationToken.None);

    /// <summary>report.html, summary.json and the tables.</summary>
    [Benchmark]
    public int Report() => AnalysisOutput.WriteAll(_analysis, _out).Count;
}
