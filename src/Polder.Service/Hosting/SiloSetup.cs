using System.Data.Common;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;

namespace Polder.Service.Hosting;

/// <summary>
/// The one place a silo is configured: clustering, grain storage and ids, all Orleans' own providers (localhost or
/// ADO.NET clustering on PostgreSQL; memory or ADO.NET grain storage). Used by <see cref="PolderServiceHost"/> and by
/// the tests' TestCluster silos.
/// </summary>
public static class SiloSetup
{
    /// <summary>The name of the grain storage the grains use.</summary>
    public const string StorageName = "polder";

    /// <summary>The ADO.NET invariant name of Npgsql.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>Registers Npgsql as an ADO.NET provider (idempotent).</summary>
    public static void RegisterNpgsql() => DbProviderFactories.RegisterFactory(PostgresInvariant, NpgsqlFactory.Instance);

    /// <summary>Configures clustering (unless <paramref name="clustering"/> is false: a TestCluster brings its own) and storage.</summary>
    public static void Configure(ISiloBuilder silo, ServiceOptions o, bool clustering = true)
    {
        o.Validate();
        if (o.UsesPostgres) RegisterNpgsql();
        if (clustering)
        {
            silo.Configure<ClusterOptions>(c => { c.ClusterId = o.ClusterId; c.ServiceId = o.ServiceId; });
            if (o.Clustering == "postgres")
            {
                silo.UseAdoNetClustering(a => { a.Invariant = PostgresInvariant; a.ConnectionString = o.PostgresConnection; });
                silo.ConfigureEndpoints(IPAddress.Parse(o.AdvertisedAddress), o.SiloPort, o.GatewayPort, listenOnAnyHostAddress: o.AdvertisedAddress != "127.0.0.1");
            }
            else
            {
                var primary = new IPEndPoint(IPAddress.Loopback, o.PrimarySiloPort ?? o.SiloPort);
                silo.UseLocalhostClustering(o.SiloPort, o.GatewayPort, primary, o.ServiceId, o.ClusterId);
            }
        }
        silo.Services.AddSingleton(new Grains.GrainWritePolicy(EveryBatch: o.Storage == "postgres"));
        if (o.Storage == "postgres")
            silo.AddAdoNetGrainStorage(StorageName, a => { a.Invariant = PostgresInvariant; a.ConnectionString = o.PostgresConnection; });
        else
            silo.AddMemoryGrainStorage(StorageName);
    }
}
