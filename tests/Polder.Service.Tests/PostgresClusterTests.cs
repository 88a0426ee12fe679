using System.Text.Json;
using Npgsql;
using Polder.Service.Grains;
using Polder.Service.Hosting;
using Polder.Service.Ingestion;
using Polder.Service.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Polder.Service.Tests;

/// <summary>
/// Grain state in PostgreSQL (Orleans ADO.NET storage) and ADO.NET clustering: failures and restarts lose nothing.
/// Each test creates its own database and drops it; skipped when PostgreSQL is absent.
/// </summary>
public class PostgresClusterTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task A_silo_stopped_mid_ingest_loses_no_post_and_counts_none_twice()
    {
        var db = Postgres.CreateDatabase("polder_stop");
        try
        {
            await using var service = await ServiceCluster.StartAsync(3, db, "polder-stop");
            var grains = service.Cluster.Client;
            // a community whose grain Orleans placed on a secondary silo (the primary holds the test membership)
            var primary = service.Cluster.Primary!.SiloAddress.ToString();
            string id = "", host = "";
            for (int i = 0; i < 50 && (host == "" || host == primary); i++) host = await grains.GetGrain<ICommunityGrain>(id = $"stop-{i}").Host();
            Assert.NotEqual(primary, host);
            var victim = service.Cluster.Silos.Single(s => s.SiloAddress.ToString() == host);

            var posts = TestPosts.Simulate(41, days: 30, prefix: "stop/");
            Task? stopping = null;
            var result = await FileIngestor.IngestAsync(grains, id, posts.Select(PostMessage.From).ToList(), batchSize: 40,
                acknowledged: n => { if (n == 3) stopping = service.Cluster.StopSiloAsync(victim); });
            await stopping!;
            var moved = await grains.GetGrain<ICommunityGrain>(id).Host();
            output.WriteLine($"{posts.Count} posts in batches of 40; silo {host} stopped after batch 3; grain now on {moved}; added {result.Added}, duplicates {result.Duplicates}");
            Assert.NotEqual(host, moved);
            Assert.Equal(posts.Count, result.TotalPosts);
            var served = TestPosts.Values(await TestPosts.FiguresAsync(service.Http, $"communities/{id}/figures"));
            Assert.Equal(TestPosts.Values(TestPosts.SingleProcess(id, posts)), served);
        }
        finally { Postgres.DropDatabase(db); }
    }

    [PostgresFact]
    public async Task A_restart_of_the_whole_cluster_recovers_the_state_from_postgres()
    {
        var db = Postgres.CreateDatabase("polder_restart");
        try
        {
            var posts = TestPosts.Simulate(51, days: 15, prefix: "restart/");
            string before, nationalBefore;
            await using (var first = await ServiceCluster.StartAsync(3, db, "polder-restart"))
            {
                Assert.Equal(posts.Count, await TestPosts.PostAsync(first.Http, "restart", posts));
                before = await first.Http.GetStringAsync("communities/restart/figures");
                nationalBefore = await first.Http.GetStringAsync("national/figures");
            }
            await using var second = await ServiceCluster.StartAsync(3, db, "polder-restart");
            Assert.Equal(before, await second.Http.GetStringAsync("communities/restart/figures"));
            Assert.Equal(nationalBefore, await second.Http.GetStringAsync("national/figures"));
            Assert.Equal(0, await TestPosts.PostAsync(second.Http, "restart", posts));   // the stored state knows every post
            Assert.Equal(TestPosts.Values(TestPosts.SingleProcess("restart", posts)),
                TestPosts.Values(await TestPosts.FiguresAsync(second.Http, "communities/restart/figures")));
        }
        finally { Postgres.DropDatabase(db); }
    }

    [PostgresFact]
    public async Task Two_service_hosts_with_postgres_clustering_form_one_cluster()
    {
        var db = Postgres.CreateDatabase("polder_multi");
        try
        {
            var o = new ServiceOptions
            {
                Clustering = "postgres", Storage = "postgres", PostgresConnection = db, HttpPort = 0,
                SiloPort = Loopback.FreePort(), GatewayPort = Loopback.FreePort(), ClusterId = "multi", ServiceId = "polder-multi",
            };
            await using var a = await PolderServiceHost.BuildAsync(o);
            await a.StartAsync();
            await using var b = await PolderServiceHost.BuildAsync(o with { SiloPort = Loopback.FreePort(), GatewayPort = Loopback.FreePort() });
            await b.StartAsync();
            using var httpA = new HttpClient { BaseAddress = PolderServiceHost.Address(a) };
            using var httpB = new HttpClient { BaseAddress = PolderServiceHost.Address(b) };
            // both silos are Active (status 3) in Orleans' membership table
            await using (var c = new NpgsqlConnection(db))
            {
                await c.OpenAsync();
                await using var cmd = new NpgsqlCommand("SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = 'multi' AND status = 3", c);
                Assert.Equal(2L, (long)(await cmd.ExecuteScalarAsync())!);
            }
            var posts = TestPosts.Simulate(61, days: 5, prefix: "multi/");
            Assert.Equal(posts.Count, await TestPosts.PostAsync(httpA, "multi", posts));
            var viaB = TestPosts.Values(await TestPosts.FiguresAsync(httpB, "communities/multi/figures"));
            Assert.Equal(TestPosts.Values(TestPosts.SingleProcess("multi", posts)), viaB);
            await b.StopAsync();
            await a.StopAsync();
        }
        finally { Postgres.DropDatabase(db); }
    }
}
