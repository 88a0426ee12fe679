using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Polder.Service.Hosting;

namespace Polder.Service.Tests.Infrastructure;

/// <summary>
/// An Orleans TestCluster of n silos (loopback, in this process) configured by the service's own
/// <see cref="SiloSetup"/> (grain storage in memory, or in PostgreSQL), with the HTTP API in front of it as an Orleans
/// client on a free loopback port.
/// </summary>
public sealed class ServiceCluster : IAsyncDisposable
{
    private const string PostgresKey = "PolderTestPostgres";

    private ServiceCluster(TestCluster cluster, WebApplication api, HttpClient http) => (Cluster, Api, Http) = (cluster, api, http);

    /// <summary>The silos.</summary>
    public TestCluster Cluster { get; }

    /// <summary>The API host.</summary>
    public WebApplication Api { get; }

    /// <summary>A client of the API.</summary>
    public HttpClient Http { get; }

    /// <summary>The API's limits in these tests: 4 MiB and 20,000 posts per request.</summary>
    public static ServiceOptions ApiOptions { get; } = new() { HttpPort = 0, MaxRequestBytes = 4 * 1024 * 1024, MaxPostsPerRequest = 20_000 };

    /// <summary>Starts <paramref name="silos"/> silos; with <paramref name="postgres"/> grain state is in that database, under <paramref name="serviceId"/>.</summary>
    public static async Task<ServiceCluster> StartAsync(int silos, string? postgres = null, string? serviceId = null)
    {
        if (postgres is not null) await PostgresSchema.EnsureAsync(postgres);
        var b = new TestClusterBuilder((short)silos);
        if (serviceId is not null) b.Options.ServiceId = serviceId;
        b.Properties[PostgresKey] = postgres ?? "";
        b.AddSiloBuilderConfigurator<Configurator>();
        var cluster = b.Build();
        await cluster.DeployAsync();
        var api = PolderServiceHost.BuildApi(cluster.Client, ApiOptions);
        await api.StartAsync();
        var http = new HttpClient { BaseAddress = PolderServiceHost.Address(api), Timeout = TimeSpan.FromSeconds(60) };
        return new ServiceCluster(cluster, api, http);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Api.StopAsync();
        await Api.DisposeAsync();
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var pg = silo.Configuration[PostgresKey];
            // the TestCluster brings its own loopback membership; storage is the service's own configuration
            SiloSetup.Configure(silo, string.IsNullOrEmpty(pg)
                ? new ServiceOptions()
                : new ServiceOptions { Storage = "postgres", PostgresConnection = pg }, clustering: false);
        }
    }
}
