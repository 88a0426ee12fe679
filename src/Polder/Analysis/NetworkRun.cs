using System.Globalization;
using System.Text;
using System.Text.Json;
using Polder.Networks;

namespace Polder.Analysis;

/// <summary>The options of one <see cref="NetworkRun"/> (the options of <c>polder network</c>). Immutable.</summary>
public sealed record NetworkRunOptions
{
    /// <summary>The interaction kinds that count.</summary>
    public InteractionKind Kinds { get; init; } = InteractionKind.All;
    /// <summary>A weight multiplier per kind (default 1 each).</summary>
    public IReadOnlyDictionary<InteractionKind, double> KindWeights { get; init; } = new Dictionary<InteractionKind, double>();
    /// <summary>Seed of Leiden, the sampled sources and the spread simulation.</summary>
    public int Seed { get; init; }
    /// <summary>Leiden resolution.</summary>
    public double Resolution { get; init; } = 1.0;
    /// <summary>Leiden quality function.</summary>
    public QualityFunction Quality { get; init; } = QualityFunction.Modularity;
    /// <summary>Patience of Leiden (null: its default).</summary>
    public int? Patience { get; init; }
    /// <summary>Only interactions at or after this Unix time.</summary>
    public long? From { get; init; }
    /// <summary>Only interactions before this Unix time.</summary>
    public long? Until { get; init; }
    /// <summary>Communities of the directed graph (directed modularity) instead of the undirected view.</summary>
    public bool Directed { get; init; }
    /// <summary>Above this many nodes, path measures are sampled and the spread simulation runs fewer times.</summary>
    public int ExactLimit { get; init; } = NetworkRun.DefaultExactLimit;
    /// <summary>Sampled sources above <see cref="ExactLimit"/>.</summary>
    public int Samples { get; init; } = NetworkRun.DefaultSamples;
    /// <summary>How a path is measured.</summary>
    public PathLength PathLength { get; init; } = PathLength.Hops;
    /// <summary>Independent-cascade probability per interaction.</summary>
    public double SpreadP { get; init; } = 0.05;
    /// <summary>Spread simulation runs (null: the default for the graph's size; 0 skips).</summary>
    public int? SpreadRuns { get; init; }
    /// <summary>Sliding-window width in seconds for windows.csv (null: no windows).</summary>
    public long? WindowSeconds { get; init; }
    /// <summary>Window step in seconds (null: the width).</summary>
    public long? StepSeconds { get; init; }
}

/// <summary>The headline of a <see cref="NetworkRun"/>.</summary>
public sealed record NetworkRunResult(int Nodes, long Edges, int Communities, double Modularity);

/// <summary>
/// <c>polder network</c>'s work on an input already read (<see cref="NetworkInput"/>): builds the interaction graph, computes
/// measures and Leiden communities and writes nodes.csv, edges.csv (exactly the graph the communities were computed on),
/// summary.json and, with a window, windows.csv. Above <see cref="NetworkRunOptions.ExactLimit"/> nodes, betweenness and
/// harmonic closeness are estimated from sampled sources and the spread simulation runs fewer times, with the error stated
/// in the log and summary.json. Not thread-safe for one output folder.
/// </summary>
public static class NetworkRun
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Above this many nodes, betweenness and harmonic closeness are sampled and the spread simulation runs fewer times.</summary>
    public const int DefaultExactLimit = 5000;

    /// <summary>Sampled sources for betweenness and harmonic closeness above the limit.</summary>
    public const int DefaultSamples = 64;

    /// <summary>Spread simulation runs at or below the limit.</summary>
    public const int DefaultSpreadRuns = 1000;

    /// <summary>Spread simulation runs above the limit.</summary>
    public const int DefaultLargeSpreadRuns = 20;

    /// <summary>
    /// Runs on <paramref name="input"/> read from <paramref name="file"/> in <paramref name="readSeconds"/>, writes the files
    /// into <paramref name="outDir"/> and progress and stated errors to <paramref name="log"/>.
    /// </summary>
    public static NetworkRunResult Run(NetworkInput input, string file, double readSeconds, NetworkRunOptions o, string outDir, TextWriter log)
    {
        var (edges, groups, community, read, layout, format) = (input.Edges, input.Groups, input.Community, input.Read, input.Layout, input.Format);
        var (kinds, kindWeights, seed, resolution, quality, from, until) = (o.Kinds, o.KindWeights, o.Seed, o.Resolution, o.Quality, o.From, o.Until);
        var (exactLimit, samples, pathLength, spreadP, spreadRunsOption, directedCommunities, patience) = (o.ExactLimit, o.Samples, o.PathLength, o.SpreadP, o.SpreadRuns, o.Directed, o.Patience ?? 0);
        // wall time per stage, in summary.json, so the slowest stage of a big run is visible
        var stages = new Dictionary<string, double> { ["read"] = readSeconds };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Stage(string name) { stages[name] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart(); }
        if (format == "edges" && (kinds & InteractionKind.Link) == 0) kinds |= InteractionKind.Link; // plain edge lists have no kinds
        var options = new InteractionGraphOptions
        {
            // interactions have a direction; a plain edge list is undirected unless --directed is given
            Kinds = kinds, KindWeights = kindWeights, From = from, Until = until, Directed = format != "edges" || directedCommunities,
            ExtraActors = groups.Keys.Order(StringComparer.Ordinal).ToList(),
        };
        var directed = GraphBuilder.FromInteractions(edges, options);
        var undirected = directed.ToUndirected();
        Stage("graph");
        log.WriteLine($"polder network: {file} ({format}): {directed.NodeCount} actors, {directed.EdgeCount} directed edges, {undirected.EdgeCount} undirected");
        if (read is { Rejected: > 0 })
            log.WriteLine($"polder network: {read.Rejected:N0} of {read.RowsRead:N0} rows rejected (first: {read.Issues.FirstOrDefault()}); see \"read\" in summary.json");

        // --directed: communities maximise directed (Leicht–Newman) modularity of the directed graph; otherwise the undirected view
        var partition = Leiden.Detect(directedCommunities ? directed : undirected, new CommunityOptions
        {
            Seed = seed, Resolution = resolution, Quality = quality, Patience = patience > 0 ? patience : null, Directed = directedCommunities,
        });
        Stage("leiden");
        log.WriteLine($"polder network: Leiden {stages["leiden"]:F3} s");
        int n = directed.NodeCount;
        var pagerank = PageRank.Compute(directed);
        Stage("pagerank");
        // exact path measures cost one search per node (n·m): above the limit they are estimated from sampled sources,
        // with the error stated in summary.json and on stderr; the power iterations (HITS, eigenvector) stop at NetworkX's
        // default tolerances instead of the tighter ones used on small graphs, where they agree with NetworkX to 1e-13
        bool exact = n <= exactLimit;
        double hitsTolerance = exact ? 1e-13 : 1e-8, eigenTolerance = exact ? 1e-14 : 1e-6;
        // HITS on A^T A converges slowly on big undirected graphs: above the limit at most NetworkX's 100 iterations, and the
        // L1 change it reached is reported
        var (hubs, auths) = Hits.Compute(directed, hitsTolerance, exact ? 10000 : 100, out int hitsIterations, out double hitsChange);
        Stage("hits");
        double[] betweenness, harmonic;
        object betweennessMethod, harmonicMethod;
        if (exact)
        {
            betweenness = Betweenness.Compute(undirected, true, pathLength);
            Stage("betweenness");
            harmonic = HarmonicCloseness.Compute(directed, pathLength);
            Stage("harmonic_closeness");
            betweennessMethod = harmonicMethod = "exact";
        }
        else
        {
            SampledCentrality sb, sh;
            if (!directed.IsDirected && pathLength == PathLength.Hops)
            {
                // an undirected edge list: one search per source serves both measures
                (sb, sh) = Betweenness.SampleWithHarmonic(undirected, samples, seed);
                Stage("betweenness_and_harmonic_closeness");
            }
            else
            {
                sb = Betweenness.Sample(undirected, samples, seed, true, pathLength);
                Stage("betweenness");
                sh = HarmonicCloseness.Sample(directed, samples, seed, pathLength);
                Stage("harmonic_closeness");
            }
            betweenness = sb.Values; harmonic = sh.Values;
            betweennessMethod = Sampled(sb, "normalised betweenness, in [0, 1]");
            harmonicMethod = Sampled(sh, "harmonic closeness, not normalised, in [0, n − 1]");
            log.WriteLine($"polder network: {n:N0} nodes > --exact-limit {exactLimit:N0}: betweenness and harmonic closeness estimated from {sb.Sources} sampled sources (seed {seed}); "
                + $"betweenness ±{sb.MaxHalfWidth95:G3} (largest 95% half-width; guaranteed bound {sb.ErrorBound:G3}), harmonic closeness ±{sh.MaxHalfWidth95:G3} (bound {sh.ErrorBound:G3})");
        }
        var eigen = EigenvectorCentrality.Compute(undirected, tolerance: eigenTolerance);
        Stage("eigenvector");
        var core = KCore.CoreNumbers(undirected);
        Stage("core");
        var triangles = Clustering.Triangles(undirected);
        var clustering = Clustering.Local(undirected, triangles);
        double transitivity = Clustering.Transitivity(undirected, triangles);
        Stage("clustering");
        var participation = Roles.ParticipationCoefficient(undirected, partition.Membership);
        var (weak, weakCount) = Components.Weak(directed);
        var (_, strongCount) = Components.Strong(directed);
        var brokers = Roles.Brokers(betweenness, participation, 10);
        Stage("roles_components");

        Directory.CreateDirectory(outDir);
        using (var w = new StreamWriter(Path.Combine(outDir, "nodes.csv"), false, new UTF8Encoding(false)))
        {
            w.WriteLine("id,community,group,in_degree,out_degree,in_strength,out_strength,pagerank,hub,authority,betweenness,harmonic_closeness,eigenvector,core,clustering,participation,weak_component");
            for (int v = 0; v < n; v++)
            {
                var id = directed.Label(v);
                w.WriteLine(string.Join(",",
                    CsvWriter.Escape(id), partition.Membership[v].ToString(Inv), CsvWriter.Escape(groups.GetValueOrDefault(id, "")),
                    directed.InDegree(v).ToString(Inv), directed.OutDegree(v).ToString(Inv),
                    D(directed.InStrength(v)), D(directed.OutStrength(v)), D(pagerank[v]), D(hubs[v]), D(auths[v]),
                    D(betweenness[v]), D(harmonic[v]), D(eigen[v]), core[v].ToString(Inv), D(clustering[v]), D(participation[v]),
                    weak[v].ToString(Inv)));
            }
        }
        using (var w = new StreamWriter(Path.Combine(outDir, "edges.csv"), false, new UTF8Encoding(false)))
        {
            w.WriteLine("source,target,weight");
            var communityGraph = directedCommunities ? directed : undirected;   // exactly the graph the communities were computed on
            foreach (var (s, t, wt) in communityGraph.Edges()) w.WriteLine($"{CsvWriter.Escape(communityGraph.Label(s))},{CsvWriter.Escape(communityGraph.Label(t))},{D(wt)}");
        }
        Stage("write_nodes_edges");
        var sizes = partition.Sizes();
        var summary = new Dictionary<string, object?>
        {
            ["file"] = Path.GetFileName(file),
            ["format"] = format,
            ["columns"] = layout is null ? null : new { used = string.Join(",", layout.Columns), decided_by = layout.Source },
            ["read"] = read is null ? null : new
            {
                rows = read.RowsRead, accepted = read.Accepted, rejected = read.Rejected,
                first_rejections = read.Issues.Take(10).Select(i => i.ToString()).ToArray(),
                unknown_author_rule = "posts by an empty, [deleted] or [removed] author stay in threads and cascades but give no interaction edges",
            },
            ["kinds"] = kinds.ToString(),
            ["kind_weights"] = kindWeights.ToDictionary(x => x.Key.ToString().ToLowerInvariant(), x => x.Value),
            ["nodes"] = n,
            ["edges"] = directedCommunities ? directed.EdgeCount : undirected.EdgeCount,
            ["directed"] = directedCommunities,
            ["directed_edges"] = directed.EdgeCount,
            ["total_weight"] = undirected.TotalWeight,
            ["community_algorithm"] = $"Leiden ({(directedCommunities ? "directed " : "")}{quality}, resolution {resolution.ToString(Inv)}, seed {seed})",
            ["modularity"] = Modularity.Of(undirected, partition.Membership),
            ["directed_modularity"] = Modularity.OfDirected(directed, partition.Membership),
            ["quality"] = partition.Quality,
            ["communities"] = partition.CommunityCount,
            ["largest_communities"] = sizes.Select((s, c) => (s, c)).OrderByDescending(x => x.s).Take(10).Select(x => new { community = x.c, size = x.s }).ToArray(),
            ["reciprocity"] = Reciprocity.Overall(directed),
            ["transitivity"] = transitivity,
            ["weak_components"] = weakCount,
            ["strong_components"] = strongCount,
            ["path_length"] = pathLength == PathLength.Hops ? "hops" : "1/weight",
            ["exact_limit"] = exactLimit,
            ["betweenness"] = betweennessMethod,
            ["harmonic_closeness"] = harmonicMethod,
            ["power_iteration_tolerance"] = new { hits_l1 = hitsTolerance, eigenvector_l1_per_node = eigenTolerance },
            ["hits_iterations"] = new { iterations = hitsIterations, last_l1_change = double.IsNaN(hitsChange) ? (double?)null : hitsChange, converged = !(hitsChange >= hitsTolerance) },
            ["top_pagerank"] = Top(directed, pagerank, 10),
            ["top_betweenness"] = Top(directed, betweenness, 10),
            ["brokers"] = brokers.Select(v => new { id = directed.Label(v), community = partition.Membership[v], betweenness = betweenness[v], participation = participation[v] }).ToArray(),
        };
        if (groups.Count > 0)
        {
            // agreement with the group attribute (party) over the nodes whose group is known, and over those in the giant component
            var agreement = GroupAgreement.Measure(undirected, partition.Membership, groups);
            summary["group_nmi"] = agreement.Nmi;
            summary["group_ari"] = agreement.Ari;
            summary["group_labelled_nodes"] = agreement.LabelledNodes;
            summary["group_nmi_giant_component"] = agreement.GiantNmi;
            summary["group_ari_giant_component"] = agreement.GiantAri;
            summary["group_labelled_nodes_giant_component"] = agreement.GiantLabelledNodes;
            summary["group_unlabelled_authors"] = groups.Count(x => x.Value.Length == 0);
            summary["group_assortativity"] = double.IsNaN(agreement.Assortativity) ? null : agreement.Assortativity;   // edges between actors with a known group
        }
        // spread: who would a message of the most central actors reach? Information flows against interaction edges
        // (if A retweets or replies to B, B's message reached A), so the cascade runs on the reversed directed graph.
        // above the limit the simulation runs fewer times (each run can touch every edge); its standard error is stated
        int spreadRuns = spreadRunsOption ?? (exact ? DefaultSpreadRuns : DefaultLargeSpreadRuns);
        var spreadSeeds = Enumerable.Range(0, n).OrderByDescending(v => pagerank[v]).ThenBy(v => v).Take(Math.Min(5, n)).ToArray();
        if (n > 0 && spreadRuns > 0)
        {
            var ic = IndependentCascade.Simulate(directed.Reverse(), spreadSeeds, spreadP, runs: spreadRuns, seed: seed);
            summary["spread"] = new
            {
                model = $"independent cascade, p = {spreadP.ToString(Inv)} per interaction, {spreadRuns} runs, seed {seed}",
                runs = spreadRuns,
                seeds = spreadSeeds.Select(directed.Label).ToArray(),
                expected_reach = ic.ExpectedReach,
                expected_reach_standard_error = ic.ReachStandardError,
                mean_rounds = ic.MeanRounds,
            };
            if (!exact && spreadRunsOption is null)
                log.WriteLine($"polder network: spread simulated {spreadRuns} times (not {DefaultSpreadRuns}) above the limit: expected reach {ic.ExpectedReach:F1} ± {1.96 * ic.ReachStandardError:F1} (95%); --spread-runs sets it");
        }
        else summary["spread"] = null;
        Stage("spread");
        if (format == "reddit")
        {
            var cascades = Cascades.Measure(community!.Posts.Select(p => new ThreadMessage(p.Id, p.ParentId, p.AuthorId, p.Time.ToUnixTimeSeconds())));
            summary["cascades"] = new
            {
                count = cascades.Count,
                mean_size = cascades.Average(c => c.Size),
                mean_depth = cascades.Average(c => c.Depth),
                max_depth = cascades.Max(c => c.Depth),
                median_first_response_seconds = Median(cascades.Where(c => c.FirstResponseSeconds is not null).Select(c => (double)c.FirstResponseSeconds!.Value)),
                largest = cascades.Take(5).ToArray(),
            };
        }
        if (community is not null)
        {
            // reply, retweet and quote cascades from the posts (size, depth, speed)
            summary["post_cascades"] = PostCascades.Measure(community.Posts).ToDictionary(c => c.Kind, c => (object)new
            {
                cascades = c.Cascades.Count,
                responses = c.Responses,
                roots_in_data = c.RootsInData,
                mean_size = c.MeanSize,
                mean_depth = c.MeanDepth,
                max_depth = c.MaxDepth,
                median_first_response_seconds = c.MedianFirstResponseSeconds,
                median_duration_seconds = c.MedianDurationSeconds,
                largest = c.Cascades.Take(5).ToArray(),
            });
        }
        Stage("cascades");
        if (o.WindowSeconds is { } width)
        {
            long step = o.StepSeconds ?? width;
            int windows = NetworkWindowsWriter.Write(Path.Combine(outDir, "windows.csv"), edges, options, width, step, new CommunityOptions
            {
                Seed = seed, Resolution = resolution, Quality = quality, Directed = directedCommunities,
            });
            summary["windows"] = new { width_seconds = width, step_seconds = step, count = windows, file = "windows.csv" };
            if (windows == 0) log.WriteLine("polder network: no timed interactions, windows.csv has no rows");
            Stage("windows");
        }
        summary["stage_seconds"] = stages;
        var slowest = stages.MaxBy(x => x.Value);
        log.WriteLine($"polder network: stages (s): {string.Join(", ", stages.Select(x => $"{x.Key} {x.Value.ToString("F3", Inv)}"))}; slowest {slowest.Key}");
        File.WriteAllText(Path.Combine(outDir, "summary.json"), JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
        return new NetworkRunResult(n, undirected.EdgeCount, partition.CommunityCount, Modularity.Of(undirected, partition.Membership));
    }

    /// <summary>The summary.json entry of a sampled measure: how, from how many sources, and its stated error.</summary>
    private static object Sampled(SampledCentrality c, string units) => new
    {
        method = $"sampled: {c.Sources} random sources (pivots), seed {c.Seed}",
        sources = c.Sources,
        seed = c.Seed,
        units,
        max_ci95_half_width = c.MaxHalfWidth95,
        error_bound_95 = double.IsFinite(c.ErrorBound) ? c.ErrorBound : (double?)null,
        error = "max_ci95_half_width: the largest per-node 95% confidence half-width (standard error over the sampled sources); "
            + "error_bound_95: with probability 95% every node is within this of its exact value (Hoeffding and a union bound; null when no such bound holds)",
    };

    private static double? Median(IEnumerable<double> xs)
    {
        var a = xs.Order().ToArray();
        return a.Length == 0 ? null : a.Length % 2 == 1 ? a[a.Length / 2] : (a[a.Length / 2 - 1] + a[a.Length / 2]) / 2;
    }

    private static object[] Top(CsrGraph g, double[] score, int k) =>
        Enumerable.Range(0, g.NodeCount).OrderByDescending(v => score[v]).ThenBy(v => v).Take(k)
            .Select(v => (object)new { id = g.Label(v), score = score[v] }).ToArray();

    private static string D(double x) => x.ToString("R", Inv);
}
