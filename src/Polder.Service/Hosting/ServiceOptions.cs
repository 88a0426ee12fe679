namespace Polder.Service.Hosting;

/// <summary>
/// How a Polder silo runs. The defaults make one self-contained silo on this machine (localhost clustering, grain
/// state in memory, HTTP on 127.0.0.1:5080); <see cref="Clustering"/> and <see cref="Storage"/> "postgres" with a
/// <see cref="PostgresConnection"/> make silos on several machines one cluster with durable state. Every option can
/// come from an environment variable (see <see cref="FromEnvironment"/>). Immutable.
/// </summary>
public sealed record ServiceOptions
{
    /// <summary>"localhost" (default: one machine, no database) or "postgres" (Orleans ADO.NET clustering). Env POLDER_CLUSTERING.</summary>
    public string Clustering { get; init; } = "localhost";

    /// <summary>"memory" (default: lost when the silo stops) or "postgres" (Orleans ADO.NET grain storage). Env POLDER_STORAGE.</summary>
    public string Storage { get; init; } = "memory";

    /// <summary>The Npgsql connection string for "postgres" clustering or storage. Env POLDER_POSTGRES.</summary>
    public string? PostgresConnection { get; init; }

    /// <summary>Address the HTTP API listens on (default 127.0.0.1; "0.0.0.0" for every interface). Env POLDER_HTTP_ADDRESS.</summary>
    public string HttpAddress { get; init; } = "127.0.0.1";

    /// <summary>HTTP port of the API (default 5080; 0 picks a free one). Env POLDER_HTTP_PORT.</summary>
    public int HttpPort { get; init; } = 5080;

    /// <summary>Silo-to-silo port (default 11111). Env POLDER_SILO_PORT.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>Client gateway port (default 30000). Env POLDER_GATEWAY_PORT.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>
    /// With localhost clustering, the silo port of the first silo on this machine (default: <see cref="SiloPort"/>, this
    /// silo is the first); further silos on the same machine give the first one's port. Env POLDER_PRIMARY_SILO_PORT.
    /// </summary>
    public int? PrimarySiloPort { get; init; }

    /// <summary>The address other silos reach this one at, for "postgres" clustering (default: loopback). Env POLDER_ADVERTISED_ADDRESS.</summary>
    public string AdvertisedAddress { get; init; } = "127.0.0.1";

    /// <summary>Orleans cluster id: silos with the same id and database form one cluster (default "polder"). Env POLDER_CLUSTER_ID.</summary>
    public string ClusterId { get; init; } = "polder";

    /// <summary>Orleans service id: grain state belongs to it (default "polder"). Env POLDER_SERVICE_ID.</summary>
    public string ServiceId { get; init; } = "polder";

    /// <summary>Largest accepted request body in bytes (default 32 MiB). Env POLDER_MAX_REQUEST_BYTES.</summary>
    public long MaxRequestBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Most posts accepted in one request (default 100,000). Env POLDER_MAX_POSTS_PER_REQUEST.</summary>
    public int MaxPostsPerRequest { get; init; } = 100_000;

    /// <summary>Create the Orleans tables in the PostgreSQL database when they are missing (default true). Env POLDER_CREATE_SCHEMA.</summary>
    public bool CreateSchema { get; init; } = true;

    /// <summary>Whether any part uses PostgreSQL.</summary>
    public bool UsesPostgres => Clustering == "postgres" || Storage == "postgres";

    /// <summary>
    /// The options with the environment's POLDER_* variables applied over <paramref name="baseline"/>; throws
    /// <see cref="ArgumentException"/> naming the variable when a value is not valid.
    /// </summary>
    public static ServiceOptions FromEnvironment(ServiceOptions? baseline = null, Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        var o = baseline ?? new ServiceOptions();
        string? S(string name) => env(name) is { Length: > 0 } v ? v : null;
        int I(string name, int fallback) => S(name) is { } v ? (int.TryParse(v, out int n) && n >= 0 ? n : throw new ArgumentException($"{name}: '{v}' is not a port or count")) : fallback;
        o = o with
        {
            Clustering = S("POLDER_CLUSTERING") ?? o.Clustering,
            Storage = S("POLDER_STORAGE") ?? o.Storage,
            PostgresConnection = S("POLDER_POSTGRES") ?? o.PostgresConnection,
            HttpAddress = S("POLDER_HTTP_ADDRESS") ?? o.HttpAddress,
            HttpPort = I("POLDER_HTTP_PORT", o.HttpPort),
            SiloPort = I("POLDER_SILO_PORT", o.SiloPort),
            GatewayPort = I("POLDER_GATEWAY_PORT", o.GatewayPort),
            PrimarySiloPort = S("POLDER_PRIMARY_SILO_PORT") is null ? o.PrimarySiloPort : I("POLDER_PRIMARY_SILO_PORT", 0),
            AdvertisedAddress = S("POLDER_ADVERTISED_ADDRESS") ?? o.AdvertisedAddress,
            ClusterId = S("POLDER_CLUSTER_ID") ?? o.ClusterId,
            ServiceId = S("POLDER_SERVICE_ID") ?? o.ServiceId,
            MaxRequestBytes = I("POLDER_MAX_REQUEST_BYTES", (int)Math.Min(int.MaxValue, o.MaxRequestBytes)),
            MaxPostsPerRequest = I("POLDER_MAX_POSTS_PER_REQUEST", o.MaxPostsPerRequest),
            CreateSchema = S("POLDER_CREATE_SCHEMA") is { } c ? c is not ("0" or "false" or "no") : o.CreateSchema,
        };
        o.Validate();
        return o;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the option when the combination cannot run.</summary>
    public void Validate()
    {
        if (Clustering is not ("localhost" or "postgres")) throw new ArgumentException($"clustering: '{Clustering}' (use localhost or postgres)");
        if (Storage is not ("memory" or "postgres")) throw new ArgumentException($"storage: '{Storage}' (use memory or postgres)");
        if (UsesPostgres && string.IsNullOrWhiteSpace(PostgresConnection))
            throw new ArgumentException("postgres: a connection string is needed (--postgres or POLDER_POSTGRES)");
        if (MaxRequestBytes <= 0 || MaxPostsPerRequest <= 0) throw new ArgumentException("request limits must be positive");
        if (!System.Net.IPAddress.TryParse(HttpAddress, out _)) throw new ArgumentException($"http address: '{HttpAddress}' is not an IP address");
        if (!System.Net.IPAddress.TryParse(AdvertisedAddress, out _)) throw new ArgumentException($"advertised address: '{AdvertisedAddress}' is not an IP address");
    }
}
