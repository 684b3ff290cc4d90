using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>Builds context options and connections for the configured provider, in one place for the app, the CLI and tests.</summary>
public static class DashboardDatabase
{
    public static string SqliteConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public static DbContextOptions<DashboardDbContext> SqliteOptions(string path) =>
        new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(SqliteConnectionString(path)).Options;

    public static DashboardDbContext OpenSqlite(string path) => new(SqliteOptions(path));

    /// <summary>PostgreSQL's migrations live in their own assembly: each provider has its own migrations set.</summary>
    public const string PostgresMigrationsAssembly = "Dashboard.Data.Postgres";

    public static DbContextOptions<DashboardDbContext> PostgresOptions(string connectionString) =>
        new DbContextOptionsBuilder<DashboardDbContext>().UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)).Options;

    public static DashboardDbContext OpenPostgres(string connectionString) => new(PostgresOptions(connectionString));

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var path = options.ResolveSqlitePath(baseDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.UseSqlite(SqliteConnectionString(path));
            return;
        }

        if (string.Equals(options.Provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseNpgsql(options.ConnectionString
                ?? throw new InvalidOperationException("Database:Provider is Postgres: set Database:ConnectionString."), o => o.MigrationsAssembly(PostgresMigrationsAssembly));
            return;
        }

        throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use 'Sqlite' or 'Postgres'.");
    }
}
