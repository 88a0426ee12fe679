using System.Globalization;
using System.Text;
using System.Text.Json;
using Polder.Networks;

namespace Polder.Cli.Commands;

/// <summary>
/// <c>polder network FILE [--kind reply,mention,retweet] [--out DIR]</c>: builds the interaction graph of an edge list,
/// the political-tweets TSV or a reddit message CSV; computes measures and Leiden communities; writes nodes.csv,
/// edges.csv (exactly the graph the communities were computed on: the undirected weighted view, or with --directed the
/// directed graph) and summary.json.
/// </summary>
public sealed class NetworkCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "network";

    /// <inheritdoc />
    public string Summary => "interaction network: measures, Leiden communities, brokers → nodes.csv, edges.csv, summary.json";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var a = context.Args;
        if (a.Positional.Count != 1)
            throw new CliUsageException("usage: polder network FILE [--format auto|edges|tweets|reddit] [--kind reply,mention,retweet] [--kind-weights retweet=3,mention=1] [--path-length hops|inverse-weight] "
                + "[--columns src,dst,weight,time] [--directed] [--from UNIX] [--until UNIX] [--resolution 1] [--quality modularity|cpm] [--seed 0] [--patience N] [--spread-p 0.05] [--window 7d [--step 1d]] [--out DIR]");
        var file = a.Positional[0];
        if (!File.Exists(file)) throw new CliUsageException($"no such file: {file}");
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

        if (format == "auto") format = DetectFormat(file);
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        List<InteractionEdge> edges = format switch
        {
            "tweets" => InteractionEdgeLoader.ReadPoliticalTweetsFile(file, groups),
            "reddit" => InteractionEdgeLoader.ReadRedditMessagesFile(file),
            "edges" => InteractionEdgeLoader.ReadEdgeListFile(file, columns),
            _ => throw new CliUsageException($"--format: '{format}' is not auto, edges, tweets or reddit"),
        };
        if (format == "edges" && (kinds & InteractionKind.Link) == 0) kinds |= InteractionKind.Link; // plain edge lists have no kinds
        var options = new InteractionGraphOptions
        {
            // interactions have a direction; a plain edge list is undirected unless --directed is given
            Kinds = kinds, KindWeights = kindWeights, From = from, Until = until, Directed = format != "edges" || a.Flag("directed"),
            ExtraActors = groups.Keys.Order(StringComparer.Ordinal).ToList(),
        };
        var directed = GraphBuilder.FromInteractions(edges, options);
        var undirected = directed.ToUndirected();
        context.Error.WriteLine($"polder network: {file} ({format}): {directed.NodeCount} actors, {directed.EdgeCount} directed edges, {undirected.EdgeCount} undirected");

        int patience = a.Int("patience", 0);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        // --directed: communities maximise directed (Leicht–Newman) modularity of the directed graph; otherwise the undirected view
        bool directedCommunities = a.Flag("directed");
        if (directedCommunities && quality != QualityFunction.Modularity) throw new CliUsageException("--directed works with --quality modularity only");
        var partition = Leiden.Detect(directedCommunities ? directed : undirected, new CommunityOptions
        {
            Seed = seed, Resolution = resolution, Quality = quality, Patience = patience > 0 ? patience : null, Directed = directedCommunities,
        });
        context.Error.WriteLine($"polder network: Leiden {sw.Elapsed.TotalSeconds:F3} s");
        int n = directed.NodeCount;
        var pagerank = PageRank.Compute(directed);
        var (hubs, auths) = Hits.Compute(directed);
        bool exact = n <= 5000;
        int samples = Math.Min(n, 500);
        var pathLength = (a.Option("path-length", "hops")!).ToLowerInvariant() switch
        {
            "hops" => PathLength.Hops,
            "inverse-weight" or "1/w" => PathLength.InverseWeight,
            var pl => throw new CliUsageException($"--path-length: '{pl}' is not hops or inverse-weight"),
        };
        var betweenness = exact ? Betweenness.Compute(undirected, true, pathLength) : Betweenness.Approximate(undirected, samples, seed, true, pathLength);
        var harmonic = HarmonicCloseness.Compute(directed, pathLength);
        var eigen = EigenvectorCentrality.Compute(undirected);
        var core = KCore.CoreNumbers(undirected);
        var clustering = Clustering.Local(undirected);
        var participation = Roles.ParticipationCoefficient(undirected, partition.Membership);
        var (weak, weakCount) = Components.Weak(directed);
        var (_, strongCount) = Components.Strong(directed);
        var brokers = Roles.Brokers(betweenness, participation, 10);

        Directory.CreateDirectory(outDir);
        using (var w = new StreamWriter(Path.Combine(outDir, "nodes.csv"), false, new UTF8Encoding(false)))
        {
            w.WriteLine("id,community,group,in_degree,out_degree,in_strength,out_strength,pagerank,hub,authority,betweenness,harmonic_closeness,eigenvector,core,clustering,participation,weak_component");
            for (int v = 0; v < n; v++)
            {
                var id = directed.Label(v);
                w.WriteLine(string.Join(",",
                    Csv(id), partition.Membership[v].ToString(Inv), Csv(groups.GetValueOrDefault(id, "")),
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
            foreach (var (s, t, wt) in communityGraph.Edges()) w.WriteLine($"{Csv(communityGraph.Label(s))},{Csv(communityGraph.Label(t))},{D(wt)}");
        }
        var sizes = partition.Sizes();
        var summary = new Dictionary<string, object?>
        {
            ["file"] = Path.GetFileName(file),
            ["format"] = format,
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
            ["transitivity"] = Clustering.Transitivity(undirected),
            ["weak_components"] = weakCount,
            ["strong_components"] = strongCount,
            ["path_length"] = pathLength == PathLength.Hops ? "hops" : "1/weight",
            ["betweenness"] = exact ? "exact" : $"sampled ({samples} sources, error ≤ {Betweenness.ErrorBound(n, samples):F4} with 95% probability)",
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
        double spreadP = Double(a.Option("spread-p"), 0.05, "spread-p");
        var spreadSeeds = Enumerable.Range(0, n).OrderByDescending(v => pagerank[v]).ThenBy(v => v).Take(Math.Min(5, n)).ToArray();
        if (n > 0)
        {
            var ic = IndependentCascade.Simulate(directed.Reverse(), spreadSeeds, spreadP, runs: 1000, seed: seed);
            summary["spread"] = new
            {
                model = $"independent cascade, p = {spreadP.ToString(Inv)} per interaction, 1000 runs, seed {seed}",
                seeds = spreadSeeds.Select(directed.Label).ToArray(),
                expected_reach = ic.ExpectedReach,
                mean_rounds = ic.MeanRounds,
            };
        }
        if (format == "reddit")
        {
            IReadOnlyList<Cascade> cascades;
            using (var r = new StreamReader(file)) cascades = Cascades.Measure(InteractionEdgeLoader.ReadThreadMessages(r));
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
        if (format is "tweets" or "reddit")
        {
            // reply, retweet and quote cascades from the posts (size, depth, speed)
            var mapping = format == "tweets" ? Polder.Community.Reading.CommunityFormats.PoliticalTweets : Polder.Community.Reading.CommunityFormats.RedditMessages;
            var community = Polder.Community.Reading.CommunityLoader.Load(file, mapping, null, out _);
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
        }
        File.WriteAllText(Path.Combine(outDir, "summary.json"), JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
        context.Out.WriteLine($"{n} nodes, {undirected.EdgeCount} edges, {partition.CommunityCount} communities, modularity {D(Modularity.Of(undirected, partition.Membership))} → {Path.GetFullPath(outDir)}");
        return 0;
    }

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

    private static string DetectFormat(string file)
    {
        using var r = new StreamReader(file);
        var first = r.ReadLine() ?? "";
        if (first.StartsWith("AUTEUR\t", StringComparison.Ordinal)) return "tweets";
        if (first.Contains("message_id", StringComparison.Ordinal) && first.Contains("parent_id", StringComparison.Ordinal)) return "reddit";
        return "edges";
    }

    private static string D(double x) => x.ToString("R", Inv);

    private static string Csv(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
