using System.Globalization;
using System.Text;
using System.Text.Json;
using Polder.Analysis;
using Polder.Networks;

namespace Polder.Cli.Commands;

/// <summary>
/// <c>polder network FILE [--kind reply,mention,retweet] [--out DIR]</c>: builds the interaction graph of an edge list
/// (columns declared by --columns or a header; a headerless third column is time when it holds Unix seconds, otherwise
/// refused), or the posts of the political-tweets TSV, a reddit message CSV or a Polder community CSV (all three through the
/// one community reader, edges from <see cref="PostInteractions.BetweenKnownActors"/>); computes measures and Leiden communities; writes nodes.csv, edges.csv (exactly the graph the communities were
/// computed on: the undirected weighted view, or with --directed the directed graph) and summary.json. Above --exact-limit
/// nodes, betweenness and harmonic closeness are estimated from sampled sources and the spread simulation runs fewer
/// times, with the error stated on stderr and in summary.json. Every reader decodes UTF-8 strictly (docs/networks.md).
/// </summary>
public sealed class NetworkCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "network";

    /// <inheritdoc />
    public string Summary => "interaction network: measures, Leiden communities, brokers → nodes.csv, edges.csv, summary.json";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Above this many nodes, betweenness and harmonic closeness are sampled and the spread simulation runs fewer times (--exact-limit).</summary>
    public const int DefaultExactLimit = NetworkRun.DefaultExactLimit;

    /// <summary>Sampled sources for betweenness and harmonic closeness above the limit (--samples).</summary>
    public const int DefaultSamples = NetworkRun.DefaultSamples;

    /// <summary>Spread simulation runs at or below the limit (--spread-runs).</summary>
    public const int DefaultSpreadRuns = NetworkRun.DefaultSpreadRuns;

    /// <summary>Spread simulation runs above the limit (--spread-runs).</summary>
    public const int DefaultLargeSpreadRuns = NetworkRun.DefaultLargeSpreadRuns;

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var a = context.Args;
        if (a.Positional.Count != 1)
            throw new CliUsageException("usage: polder network FILE [--format auto|edges|tweets|reddit|polder] [--kind reply,mention,retweet] [--kind-weights retweet=3,mention=1] [--path-length hops|inverse-weight] "
                + "[--columns src,dst,weight,time] [--directed] [--from UNIX] [--until UNIX] [--resolution 1] [--quality modularity|cpm] [--seed 0] [--patience N] [--spread-p 0.05] [--spread-runs N] "
                + "[--exact-limit 5000] [--samples 64] [--window 7d [--step 1d]] [--out DIR]");
        var file = a.Positional[0];
        var header = InputFile.Header(file);   // missing file or a directory: one line, exit 2 (as every verb)
        var format = a.Option("format", "auto")!;
        var kinds = a.Option("kind") is { } k ? ParseKinds(k) : InteractionKind.All;
        var kindWeights = a.Option("kind-weights") is { } kw ? ParseKindWeights(kw) : new Dictionary<InteractionKind, double>();
        var outDir = a.Option("out", ".")!;
        int seed = a.Int("seed", 0);
        double resolution = Double(a.Option("resolution"), 1.0, "resolution");
        var quality = (a.Option("quality", "modularity")!).ToLowerInvariant() switch
        {
            "modularity" => QualityFunction.Modularity,
            "cpm" => QualityFunction.Cpm,
            var q => throw new CliUsageException($"--quality: '{q}' is not modularity or cpm"),
        };
        long? from = a.Option("from") is { } f ? (long)Double(f, 0, "from") : null;
        long? until = a.Option("until") is { } u ? (long)Double(u, 0, "until") : null;
        var columns = a.Option("columns");
        int exactLimit = a.Int("exact-limit", DefaultExactLimit);
        int samples = a.Int("samples", DefaultSamples);
        if (samples < 1) throw new CliUsageException("--samples must be at least 1");
        var pathLength = (a.Option("path-length", "hops")!).ToLowerInvariant() switch
        {
            "hops" => PathLength.Hops,
            "inverse-weight" or "1/w" => PathLength.InverseWeight,
            var pl => throw new CliUsageException($"--path-length: '{pl}' is not hops or inverse-weight"),
        };
        double spreadP = Double(a.Option("spread-p"), 0.05, "spread-p");
        if (spreadP is < 0 or > 1) throw new CliUsageException($"--spread-p: {spreadP.ToString(Inv)} is not a probability");
        bool directedCommunities = a.Flag("directed");
        if (directedCommunities && quality != QualityFunction.Modularity) throw new CliUsageException("--directed works with --quality modularity only");
        int patience = a.Int("patience", 0);
        if (columns is not null && format is not ("auto" or "edges")) throw new CliUsageException("--columns is for edge lists (--format edges)");

        int? spreadRuns = a.Option("spread-runs") is not null ? a.Int("spread-runs", NetworkRun.DefaultSpreadRuns) : null;
        if (spreadRuns < 0) throw new CliUsageException("--spread-runs must be 0 (skip) or more");
        long? width = null, step = null;
        if (a.Option("window") is { } windowText)
        {
            try
            {
                width = InteractionWindows.ParseDuration(windowText);
                step = a.Option("step") is { } stepText ? InteractionWindows.ParseDuration(stepText) : width;
            }
            catch (FormatException e) { throw new CliUsageException("--window/--step: " + e.Message); }
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (format == "auto") format = NetworkInput.DetectFormat(header);
        if (!NetworkInput.Formats.Contains(format)) throw new CliUsageException($"--format: '{format}' is not auto, edges, tweets, reddit or polder");
        var input = NetworkInput.Load(file, format, columns);
        if (input.Read is { } r) InputFile.RequireValidUtf8(r);
        if (input.Layout?.Source == InteractionEdgeLoader.EdgeListLayout.ThirdColumnIsTime)
            context.Error.WriteLine("polder network: no header: the third column holds Unix seconds, so it is read as time (not weight); --columns declares otherwise");
        var result = NetworkRun.Run(input, file, Math.Round(clock.Elapsed.TotalSeconds, 3), new NetworkRunOptions
        {
            Kinds = kinds, KindWeights = kindWeights, Seed = seed, Resolution = resolution, Quality = quality, Patience = patience > 0 ? patience : null,
            From = from, Until = until, Directed = directedCommunities, ExactLimit = exactLimit, Samples = samples, PathLength = pathLength,
            SpreadP = spreadP, SpreadRuns = spreadRuns, WindowSeconds = width, StepSeconds = step,
        }, outDir, context.Error);
        context.Out.WriteLine($"{result.Nodes} nodes, {result.Edges} edges, {result.Communities} communities, modularity {D(result.Modularity)} → {Path.GetFullPath(outDir)}");
        return 0;
    }

    private static InteractionKind ParseKinds(string text)
    {
        try { return InteractionKinds.Parse(text); }
        catch (FormatException e) { throw new CliUsageException("--kind: " + e.Message); }
    }

    private static Dictionary<InteractionKind, double> ParseKindWeights(string text)
    {
        var result = new Dictionary<InteractionKind, double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2) throw new CliUsageException($"--kind-weights: '{part}' is not KIND=WEIGHT (e.g. retweet=3,mention=1)");
            var kind = ParseKinds(kv[0]);
            if (kind is InteractionKind.None or InteractionKind.All || ((int)kind & ((int)kind - 1)) != 0)
                throw new CliUsageException($"--kind-weights: '{kv[0]}' must name one kind");
            if (!double.TryParse(kv[1], NumberStyles.Float, Inv, out var w) || !(w >= 0) || double.IsInfinity(w))
                throw new CliUsageException($"--kind-weights: weight '{kv[1]}' of {kv[0]} is not a non-negative number");
            result[kind] = w;
        }
        return result;
    }

    private static double Double(string? text, double fallback, string name) =>
        text is null ? fallback
        : double.TryParse(text, NumberStyles.Float, Inv, out var v) ? v
        : throw new CliUsageException($"--{name}: '{text}' is not a number");

    private static string D(double x) => x.ToString("R", Inv);
}
