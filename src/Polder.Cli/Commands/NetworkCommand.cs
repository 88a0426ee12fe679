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
    public const int DefaultExactLimit = 5000;

    /// <summary>Sampled sources for betweenness and harmonic closeness above the limit (--samples).</summary>
    public const int DefaultSamples = 64;

    /// <summary>Spread simulation runs at or below the limit (--spread-runs).</summary>
    public const int DefaultSpreadRuns = 1000;

    /// <summary>Spread simulation runs above the limit (--spread-runs).</summary>
    public const int DefaultLargeSpreadRuns = 20;

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
        int? spreadRunsOption = a.Option("spread-runs") is not null ? a.Int("spread-runs", DefaultSpreadRuns) : null;
        bool directedCommunities = a.Flag("directed");
        if (directedCommunities && quality != QualityFunction.Modularity) throw new CliUsageException("--directed works with --quality modularity only");
        int patience = a.Int("patience", 0);
        if (columns is not null && format is not ("auto" or "edges")) throw new CliUsageException("--columns is for edge lists (--format edges)");

        // wall time per stage, in summary.json, so the slowest stage of a big run is visible
        var stages = new Dictionary<string, double>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Stage(string name) { stages[name] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart(); }

        if (format == "auto") format = NetworkInput.DetectFormat(header);
        if (!NetworkInput.Formats.Contains(format)) throw new CliUsageException($"--format: '{format}' is not auto, edges, tweets, reddit or polder");
        var input = NetworkInput.Load(file, format, columns);
        if (input.Read is { } r) InputFile.RequireValidUtf8(r);
        if (input.Layout?.Source == InteractionEdgeLoader.EdgeListLayout.ThirdColumnIsTime)
            context.Error.WriteLine("polder network: no header: the third column holds Unix seconds, so it is read as time (not weight); --columns declares otherwise");
        var (edges, groups, community, read, layout) = (input.Edges, input.Groups, input.Community, input.Read, input.Layout);
        Stage("read");
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
        context.Error.WriteLine($"polder network: {file} ({format}): {directed.NodeCount} actors, {directed.EdgeCount} directed edges, {undirected.EdgeCount} undirected");
        if (read is { Rejected: > 0 })
            context.Error.WriteLine($"polder network: {read.Rejected:N0} of {read.RowsRead:N0} rows rejected (first: {read.Issues.FirstOrDefault()}); see \"read\" in summary.json");

        // --directed: communities maximise directed (Leicht–Newman) modularity of the directed graph; otherwise the undirected view
        var partition = Leiden.Detect(directedCommunities ? directed : undirected, new CommunityOptions
        {
            Seed = seed, Resolution = resolution, Quality = quality, Patience = patience > 0 ? patience : null, Directed = directedCommunities,
        });
        Stage("leiden");
        context.Error.WriteLine($"polder network: Leiden {stages["leiden"]:F3} s");
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
            context.Error.WriteLine($"polder network: {n:N0} nodes > --exact-limit {exactLimit:N0}: betweenness and harmonic closeness estimated from {sb.Sources} sampled sources (seed {seed}); "
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
        if (spreadRuns < 0) throw new CliUsageException("--spread-runs must be 0 (skip) or more");
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
                context.Error.WriteLine($"polder network: spread simulated {spreadRuns} times (not {DefaultSpreadRuns}) above the limit: expected reach {ic.ExpectedReach:F1} ± {1.96 * ic.ReachStandardError:F1} (95%); --spread-runs sets it");
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
        if (a.Option("window") is { } windowText)
        {
            long width, step;
            try
            {
                width = InteractionWindows.ParseDuration(windowText);
                step = a.Option("step") is { } stepText ? InteractionWindows.ParseDuration(stepText) : width;
            }
            catch (FormatException e) { throw new CliUsageException("--window/--step: " + e.Message); }
            int windows = NetworkWindowsWriter.Write(Path.Combine(outDir, "windows.csv"), edges, options, width, step, new CommunityOptions
            {
                Seed = seed, Resolution = resolution, Quality = quality, Directed = directedCommunities,
            });
            summary["windows"] = new { width_seconds = width, step_seconds = step, count = windows, file = "windows.csv" };
            if (windows == 0) context.Error.WriteLine("polder network: no timed interactions, windows.csv has no rows");
            Stage("windows");
        }
        summary["stage_seconds"] = stages;
        var slowest = stages.MaxBy(x => x.Value);
        context.Error.WriteLine($"polder network: stages (s): {string.Join(", ", stages.Select(x => $"{x.Key} {x.Value.ToString("F3", Inv)}"))}; slowest {slowest.Key}");
        File.WriteAllText(Path.Combine(outDir, "summary.json"), JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
        context.Out.WriteLine($"{n} nodes, {undirected.EdgeCount} edges, {partition.CommunityCount} communities, modularity {D(Modularity.Of(undirected, partition.Membership))} → {Path.GetFullPath(outDir)}");
        return 0;
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
