using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Polder.Service.Api;
using Polder.Service.Grains;
using Polder.Service.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Polder.Service.Tests;

/// <summary>Ingest over HTTP into a 3-silo TestCluster (grain state in memory): figures, idempotency, bad requests.</summary>
public class ClusterIngestTests(MemoryClusterFixture fixture, ITestOutputHelper output) : IClassFixture<MemoryClusterFixture>
{
    private HttpClient Http => fixture.Service.Http;

    [Fact]
    public async Task Three_silos_give_exactly_the_figures_of_the_single_process_analysis()
    {
        (string Id, int Seed)[] communities = [("stad-11", 11), ("stad-12", 12), ("stad-13", 13), ("stad-14", 14)];
        foreach (var (id, seed) in communities)
        {
            var posts = TestPosts.Simulate(seed, days: 20, prefix: id + "/");
            Assert.Equal(posts.Count, await fixture.PostAsync(id, posts, batch: 300));
            var served = TestPosts.Values(await TestPosts.FiguresAsync(Http, $"communities/{id}/figures"));
            var single = TestPosts.Values(TestPosts.SingleProcess(id, posts));
            Assert.Equal(single, served);
            // and every figure the library's batch analysis also reports has the same value there
            var analysis = TestPosts.BatchAnalysis(posts);
            var batch = analysis.KeyFigures.ToDictionary(f => f.Key, f => f.Value);
            var shared = served.Keys.Where(batch.ContainsKey).ToList();
            Assert.Contains("posts", shared);
            foreach (var k in shared) Assert.True(served[k] == batch[k], $"{id} {k}: service {served[k]}, batch analysis {batch[k]}");
            foreach (var k in (string[])["negative_share", "positive_share", "complaint_share", "analysed_posts", "topics"]) Assert.Contains(k, shared);
            await AssertTextFiguresEqualAsync(id, analysis);
            int bytes = (await fixture.Service.Cluster.Client.GetGrain<ICommunityGrain>(id).State()).Length;
            int textBytes = (await fixture.Service.Cluster.Client.GetGrain<ICommunityGrain>(id).TextState()).Length;
            output.WriteLine($"{id}: {posts.Count} posts, state {bytes:N0} bytes ({(double)bytes / posts.Count:F0} a post), text state {textBytes:N0} bytes ({(double)textBytes / posts.Count:F0} a post), {served.Count} figures, {shared.Count} also in the batch analysis: {string.Join(", ", shared)}");
        }
        // the grains are spread over the silos by Orleans' placement, and the national view merges them all
        var hosts = await Task.WhenAll(communities.Select(c => fixture.Service.Cluster.Client.GetGrain<ICommunityGrain>(c.Id).Host()));
        output.WriteLine("hosts: " + string.Join(", ", hosts));
        Assert.True(hosts.Distinct().Count() > 1, "all grains on one silo: " + string.Join(", ", hosts));
        // the national view merges every community the cluster holds (other tests of this class add theirs)
        var national = TestPosts.Values(await TestPosts.FiguresAsync(Http, "national/figures"));
        Assert.Equal(TestPosts.Values(TestPosts.SingleProcess("nl", fixture.Posted.Values)), national);
    }

    /// <summary>The served topic and language shares and the per-window sentiment and topic counts are the batch text layer's.</summary>
    private async Task AssertTextFiguresEqualAsync(string id, Polder.Analysis.CommunityAnalysis analysis)
    {
        var served = JsonSerializer.Deserialize<ServiceJson.Figures>(await Http.GetStringAsync($"communities/{id}/figures"), ServiceJson.Options)!;
        Assert.NotEmpty(analysis.Topics);
        Assert.Equal(analysis.Topics.Select(t => (t.Topic, (long)t.Posts, t.Share)), served.Topics.Select(t => (t.Key, t.Posts, t.Share)));
        Assert.Equal(analysis.Languages.Select(l => (l.Language, (long)l.Posts, l.Share)), served.Languages.Select(l => (l.Key, l.Posts, l.Share)));
        var all = analysis.SentimentTrend.Where(p => p.Topic == "(alle)").ToList();
        Assert.True(all.Count > 0 && all.Count == served.Windows.Count(w => w.Analysed > 0), $"{id}: {all.Count} trend windows, {served.Windows.Count} served");
        foreach (var p in all)
        {
            var w = served.Windows.Single(x => x.Start == p.WindowStart.ToString("yyyy-MM-dd"));
            Assert.Equal((p.Posts, p.Negative, p.Neutral, p.Positive), ((int)w.Analysed, (int)w.Negative, (int)w.Neutral, (int)w.Positive));
        }
        foreach (var p in analysis.SentimentTrend.Where(p => p.Topic != "(alle)"))
            Assert.Equal(p.Posts, served.Windows.Single(x => x.Start == p.WindowStart.ToString("yyyy-MM-dd")).Topics.Single(t => t.Key == p.Topic).Posts);
        output.WriteLine($"{id}: {served.Topics.Count} topics, {served.Languages.Count} languages, {served.Windows.Count} windows equal the batch text layer");
    }

    [Fact]
    public async Task Alerts_and_forecasts_are_those_of_the_batch_analysis_and_find_a_planted_event()
    {
        // 14 simulated days, 40 threads a day; from day 10 the topic "afval" gets four times its threads, in a negative tone
        var start = new DateOnly(2024, 1, 1);
        var planted = new Polder.Community.Simulation.PlantedEvent(start.AddDays(10), "afval", 4);
        var posts = TestPosts.Simulate(21, days: 14, prefix: "alerts/", threadsPerDay: 40, planted);
        Assert.Equal(posts.Count, await fixture.PostAsync("alerts", posts, batch: 500));
        var served = (await Http.GetFromJsonAsync<JsonElement>("communities/alerts/alerts")).GetProperty("alerts")
            .Deserialize<AlertInfo[]>(ServiceJson.Options)!;
        var batch = Polder.Topics.Alerts.CommunityAlerts.Of(TestPosts.BatchAnalysis(posts))!.Alerts.Select(AlertInfo.Of).ToArray();
        Assert.Equal(batch.Length, served.Length);
        for (int i = 0; i < batch.Length; i++) Assert.Equal(batch[i] with { Evidence = [] }, served[i] with { Evidence = [] });
        Assert.Equal(batch.SelectMany(a => a.Evidence), served.SelectMany(a => a.Evidence));
        var onset = new DateTimeOffset(planted.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(1));
        var found = served.Where(a => a.DetectedAt >= onset && a.DetectedAt <= onset.AddHours(24)).ToList();
        foreach (var a in served) output.WriteLine($"{a.Kind} {a.Topic ?? "(all)"} detected {a.DetectedAt:u} observed {a.Observed:G4} expected {a.Expected:G4} score {a.Score:F1}");
        Assert.True(found.Count > 0, $"no alert within 24 h of the planted event at {onset:u}; {served.Length} alerts");

        // the activity forecasts of the same posts equal those of polder analyze (its window picked for the period)
        var forecasts = (await Http.GetFromJsonAsync<JsonElement>("communities/alerts/forecasts")).GetProperty("forecasts")
            .Deserialize<ForecastInfo>(ServiceJson.Options)!;
        var expected = new Polder.Analysis.CommunityAnalyzer(new Polder.Analysis.AnalysisOptions
        {
            Layers = Polder.Analysis.AnalysisLayers.Text | Polder.Analysis.AnalysisLayers.Forecasts,
        }).Analyze(posts.Select(r => r.Post), posts.Select(r => r.Author)).Forecasts!.Activity;
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(f => (f.Topic, f.From, f.To, f.Forecast, f.Lower, f.Upper, string.Join(",", f.History))),
            forecasts.Series.Select(f => (f.Series, forecasts.From!.Value, forecasts.To!.Value, f.Forecast, f.Lower, f.Upper, string.Join(",", f.History))));
        output.WriteLine($"forecasts ({forecasts.Window}): " + string.Join("; ", forecasts.Series.Select(f => $"{f.Series} {f.Forecast:F0} [{f.Lower:F0}, {f.Upper:F0}]")));
    }

    [Fact]
    public async Task Replaying_the_same_batch_changes_nothing()
    {
        var posts = TestPosts.Simulate(21, days: 5, prefix: "replay/");
        Assert.Equal(posts.Count, await fixture.PostAsync("replay", posts, batch: 1000));
        var before = await Http.GetStringAsync("communities/replay/figures");
        Assert.Equal(0, await fixture.PostAsync("replay", posts, batch: 1000));
        Assert.Equal(0, await fixture.PostAsync("replay", posts, batch: 37));   // any split of it, too
        Assert.Equal(before, await Http.GetStringAsync("communities/replay/figures"));
    }

    [Fact]
    public async Task A_malformed_request_gets_400_with_line_and_field_and_nothing_of_it_is_stored()
    {
        var posts = TestPosts.Simulate(31, days: 3, prefix: "bad/");
        await fixture.PostAsync("bad", posts.Take(10).ToList());
        var before = await Http.GetStringAsync("communities/bad/figures");

        var lines = Encoding.UTF8.GetString(TestPosts.JsonLines(posts.Skip(10).Take(5))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[3] = lines[3].Replace(posts[13].Post.Time.ToString("yyyy-MM-dd"), "2024-13-45");   // line 4: an impossible time
        using var response = await Http.PostAsync("communities/bad/posts", new StringContent(string.Join('\n', lines) + "\n"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(body).RootElement;
        Assert.Equal(4, error.GetProperty("line").GetInt64());
        Assert.Equal("time", error.GetProperty("field").GetString());
        Assert.Contains("request:4", error.GetProperty("error").GetString());
        Assert.Equal(before, await Http.GetStringAsync("communities/bad/figures"));   // lines 1-3 were fine, and not stored

        // a line that is not JSON, a bad community id, and a body over the limit
        using var notJson = await Http.PostAsync("communities/bad/posts", new StringContent(lines[0] + "\n{\"id\": \n"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await notJson.Content.ReadAsStringAsync()).RootElement.GetProperty("line").GetInt64());
        using var badId = await Http.PostAsync("communities/a%20b/posts", new StringContent(lines[0]));
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        // (Expect: 100-continue, as curl sends for large bodies: the refusal comes before the body is sent)
        using var tooLarge = new HttpRequestMessage(HttpMethod.Post, "communities/bad/posts") { Content = new ByteArrayContent(new byte[ServiceCluster.ApiOptions.MaxRequestBytes + 1]) };
        tooLarge.Headers.ExpectContinue = true;
        using var huge = await Http.SendAsync(tooLarge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(before, await Http.GetStringAsync("communities/bad/figures"));
    }
}
