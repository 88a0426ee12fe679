using Npgsql;

namespace Polder.Service.Hosting;

/// <summary>
/// Creates Orleans' ADO.NET tables and queries (clustering and grain storage; the embedded
/// <c>orleans-postgresql.sql</c>) in a PostgreSQL database that has none. Idempotent: a database with an OrleansQuery
/// table is left alone. Thread-safe (a transaction-scoped advisory lock keeps two silos from creating it at once).
/// </summary>
public static class PostgresSchema
{
    /// <summary>Creates the schema when missing; returns true when it created it.</summary>
    public static async Task<bool> EnsureAsync(string connectionString, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(7341209)", conn, tx))
            await lockCmd.ExecuteNonQueryAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('orleansquery') IS NOT NULL", conn, tx))
            if ((bool)(await exists.ExecuteScalarAsync(ct))!) { await tx.CommitAsync(ct); return false; }
        await using (var create = new NpgsqlCommand(Script(), conn, tx))
            await create.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The embedded script.</summary>
    public static string Script()
    {
        using var s = typeof(PostgresSchema).Assembly.GetManifestResourceStream("Polder.Service.orleans-postgresql.sql")
            ?? throw new InvalidOperationException("the embedded Orleans PostgreSQL script is missing");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
