using System.Net.Http.Json;
using System.Text.Json;
using Polder.Analysis;
using Polder.Community;
using Polder.Community.Reading;
using Polder.Community.Simulation;
using Polder.Service.Api;
using Polder.Service.Grains;

namespace Polder.Service.Tests.Infrastructure;

/// <summary>Simulated communities as the API receives them, and the single-process figures of the same posts.</summary>
public static class TestPosts
{
    /// <summary>
    /// A simulated municipality (seeded), written as the API's JSON lines and read back by the library's reader, so
    /// the reference sees exactly the posts the service sees. Post, thread and parent ids get <paramref name="prefix"/>
    /// so that several communities can be merged without sharing ids.
    /// </summary>
    public static IReadOnlyList<PostRecord> Simulate(int seed, int days, string prefix, double threadsPerDay = 8, params PlantedEvent[] events)
    {
        var (records, _) = CommunitySimulator.Run(new SimulationOptions
        {
            Seed = seed, Days = days, Municipality = "Stad" + seed, ThreadsPerDay = threadsPerDay, Events = events,
        });
        var renamed = records.Select(r => r with
        {
            Post = r.Post with
            {
                Id = prefix + r.Post.Id,
                ThreadId = r.Post.ThreadId is { } t ? prefix + t : null,
                ParentId = r.Post.ParentId is { } p ? prefix + p : null,
            },
        });
        return Read(PostJsonLines.ToBytes(renamed));
    }

    /// <summary>The records of API JSON lines, read by the library's reader.</summary>
    public static IReadOnlyList<PostRecord> Read(byte[] jsonLines) =>
        new JsonLinesPostReader(new MemoryStream(jsonLines), "test.jsonl", CommunityFormats.PolderCsv, PostBatch.Options).Read().ToList();

    /// <summary>The records as the API's JSON lines.</summary>
    public static byte[] JsonLines(IEnumerable<PostRecord> records) => PostJsonLines.ToBytes(records);

    /// <summary>The figures of the service's state built in one process from all <paramref name="records"/>.</summary>
    public static CommunityFigures SingleProcess(string community, IEnumerable<PostRecord> records)
    {
        var state = new CommunityStateAdapter();
        foreach (var r in records) state.Add(r.Post, r.Author);
        return state.Figures(community);
    }

    /// <summary>
    /// The library's batch analysis (behaviour and text layers) of the same posts, its sentiment trend in the state's
    /// window (a month).
    /// </summary>
    public static CommunityAnalysis BatchAnalysis(IReadOnlyList<PostRecord> records) =>
        new CommunityAnalyzer(new AnalysisOptions { Layers = AnalysisLayers.Behaviour | AnalysisLayers.Text, TrendWindow = Polder.Data.TimeWindow.Month })
            .Analyze(records.Select(r => r.Post), records.Select(r => r.Author));

    /// <summary>Posts <paramref name="records"/> to a community in batches of <paramref name="batch"/>; returns the total added.</summary>
    public static async Task<long> PostAsync(HttpClient http, string community, IReadOnlyList<PostRecord> records, int batch = 500)
    {
        long added = 0;
        for (int i = 0; i < records.Count; i += batch)
        {
            using var content = new ByteArrayContent(JsonLines(records.Skip(i).Take(batch)));
            using var r = await http.PostAsync($"communities/{community}/posts", content);
            var body = await r.Content.ReadAsStringAsync();
            Assert.True(r.IsSuccessStatusCode, $"HTTP {(int)r.StatusCode}: {body}");
            added += JsonDocument.Parse(body).RootElement.GetProperty("added").GetInt64();
        }
        return added;
    }

    /// <summary>The figures of a community (or "national") as the API returns them.</summary>
    public static async Task<JsonElement> FiguresAsync(HttpClient http, string path) =>
        (await http.GetFromJsonAsync<JsonElement>(path));

    /// <summary>The key figures of an API response as key → value (null for undefined).</summary>
    public static Dictionary<string, double?> Values(JsonElement figures) =>
        figures.GetProperty("key_figures").EnumerateArray().ToDictionary(
            f => f.GetProperty("key").GetString()!,
            f => f.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : f.GetProperty("value").GetDouble());

    /// <summary>The key figures of a grain's figures as key → value (null for undefined).</summary>
    public static Dictionary<string, double?> Values(CommunityFigures figures) =>
        figures.Figures.ToDictionary(f => f.Key, f => double.IsFinite(f.Value) ? f.Value : (double?)null);
}
