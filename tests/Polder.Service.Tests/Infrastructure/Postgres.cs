using Npgsql;

namespace Polder.Service.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: POLDER_TEST_POSTGRES (an Npgsql connection string to a database the user may
/// create databases from), by default user postgres with password postgres on 127.0.0.1:5432 (what .ci/run sets up).
/// </summary>
public static class Postgres
{
    /// <summary>The server connection string.</summary>
    public static string Server { get; } = Environment.GetEnvironmentVariable("POLDER_TEST_POSTGRES") is { Length: > 0 } s
        ? s : "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres;Timeout=5";

    private static readonly Lazy<string?> Absent = new(() =>
    {
        // a loaded machine (test assemblies run in parallel) can make the first connection slow: three tries
        string? why = null;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Timeout = 15 }.ConnectionString);
                c.Open();
                return null;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                why = e.Message;
                if (e is PostgresException) break;   // the server answered: wrong password, no such database …
                Thread.Sleep(1000);
            }
        }
        return why;
    });

    /// <summary>Why PostgreSQL cannot be used, or null when it can.</summary>
    public static string? WhyAbsent => Absent.Value;

    /// <summary>Creates an empty database with a unique name; returns its connection string.</summary>
    public static string CreateDatabase(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)];
        using var c = new NpgsqlConnection(Server);
        c.Open();
        using (var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c)) cmd.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(Server) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="connectionString"/> (closing what still uses it).</summary>
    public static void DropDatabase(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using var c = new NpgsqlConnection(Server);
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", c);
        cmd.ExecuteNonQuery();
    }
}
