using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Polder.Benchmarks;
using Polder.Networks;

// Run all benchmarks, or pick with --filter '*Tokenizer*'.
//   write-planted FILE   writes the NetworkBenchmarks graph as "src dst" lines for the peers (benchmarks/peers/network_peers.py)
//   quick-network [SEEDS] times Leiden (2 and 3 passes) and PageRank with a stopwatch, seeds 0..SEEDS-1 (default 5; a quick look, not a benchmark)
//   quick-leiden FILE    Leiden on an edge list, seeds 0-4, twice
//   quick-text [C [S [R]]] CPU µs/post of each text stage on the TextStageBenchmarks samples (corpus, stage or all, rounds: 50)
//   stages FILE [OUT]    `polder analyze FILE` once with the wall and CPU seconds and posts/s of each stage (and of writing OUT)
if (args.Length >= 2 && args[0] == "write-planted")
{
    var (s, d, _) = PlantedPartition.GenerateEdges(NetworkBenchmarks.Nodes, NetworkBenchmarks.Edges, NetworkBenchmarks.Blocks, NetworkBenchmarks.Mixing, NetworkBenchmarks.Seed);
    using var w = new StreamWriter(args[1]);
    for (int i = 0; i < s.Length; i++) w.Write($"{s[i]} {d[i]}\n");
    return;
}
if (args.Length >= 1 && args[0] == "quick-network")
{
    var (g, blocks) = PlantedPartition.Generate(NetworkBenchmarks.Nodes, NetworkBenchmarks.Edges, NetworkBenchmarks.Blocks, NetworkBenchmarks.Mixing, NetworkBenchmarks.Seed);
    Console.WriteLine($"graph: {g.NodeCount} nodes, {g.EdgeCount} edges, {g.AdjacencyBytes / (double)g.EdgeCount:F2} bytes/edge; planted modularity {Modularity.Of(g, blocks):F4}");
    foreach (var iters in new[] { 2, 3 })
        for (int seed = 0; seed < (args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5); seed++)
        {
            var sw = Stopwatch.StartNew();
            var p = Leiden.Detect(g, new CommunityOptions { Seed = seed, Iterations = iters });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Leiden iterations={iters} seed={seed}: {sw.Elapsed.TotalSeconds:F3} s, modularity {p.Quality:F6}, {p.CommunityCount} communities, NMI vs planted {PartitionComparison.NormalizedMutualInformation(p.Membership, blocks):F4}"));
        }
    for (int i = 0; i < 3; i++)
    {
        var sw = Stopwatch.StartNew();
        PageRank.Compute(g, tolerance: 1e-10 / g.NodeCount);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PageRank: {sw.Elapsed.TotalSeconds:F3} s"));
    }
    return;
}
if (args.Length >= 2 && args[0] == "quick-leiden")
{
    // quick-leiden EDGEFILE: Leiden timings and modularity for seeds 0-4 on an edge list (e.g. a `polder network` edges.csv)
    var g = GraphBuilder.FromInteractions(InteractionEdgeLoader.ReadEdgeListFile(args[1]), new InteractionGraphOptions { Directed = false });
    for (int rep = 0; rep < 2; rep++)
        for (int seed = 0; seed < 5; seed++)
        {
            var sw = Stopwatch.StartNew();
            var p = Leiden.Detect(g, new CommunityOptions { Seed = seed });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed}: {sw.Elapsed.TotalMilliseconds:F1} ms, modularity {p.Quality:F5}"));
        }
    return;
}
if (args.Length >= 1 && args[0] == "quick-text")
{
    // quick-text [CORPUS [STAGE [ROUNDS]]]
    foreach (var corpus in args.Length > 1 ? [args[1]] : new[] { "simulated", "mp-tweets" })
        QuickTextStages.Run(corpus, args.Length > 2 && args[2] != "all" ? args[2] : null, args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 50);
    return;
}
if (args.Length >= 2 && args[0] == "stages")
{
    // stages FILE [OUTDIR]: the whole `polder analyze` run once, with the wall and CPU time of each stage (from its progress reports)
    StageTimer.Run(args[1], args.Length > 2 ? args[2] : null);
    return;
}
if (args.Length >= 1 && args[0] == "csv-strictness")
{
    // csv-strictness: each CSV reader of CsvReaderBenchmarks before malformed input (a Markdown table)
    CsvReaderBenchmarks.Strictness(Console.Out);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
