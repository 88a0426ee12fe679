namespace Polder.Service.Tests.Infrastructure;

/// <summary>A fact that needs PostgreSQL: skipped with the reason when the server cannot be reached.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Postgres.WhyAbsent is { } why)
            Skip = $"needs PostgreSQL at POLDER_TEST_POSTGRES or 127.0.0.1:5432 user postgres/postgres (.ci/run installs and starts it): {why}";
    }
}
