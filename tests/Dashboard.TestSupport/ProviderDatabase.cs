using System.Data.Common;
using Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.TestSupport;

/// <summary>
/// A migrated, empty database on either provider, for tests that must hold on both: a SQLite file of its own, or a
/// database of its own on the test run's PostgreSQL server.
/// </summary>
public sealed class ProviderDatabase : IAsyncDisposable
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    private readonly TempDatabase? _sqlite;
    private readonly string? _postgres;

    private ProviderDatabase(string provider, TempDatabase? sqlite, string? postgres)
    {
        Provider = provider;
        _sqlite = sqlite;
        _postgres = postgres;
    }

    public string Provider { get; }

    /// <summary>The PostgreSQL database's connection string (null on SQLite).</summary>
    public string? PostgresConnectionString => _postgres;

    /// <summary>The "Database" settings that point the app at this database.</summary>
    public DatabaseOptions Options => _sqlite is not null
        ? new DatabaseOptions { Provider = Sqlite, SqlitePath = _sqlite.Path }
        : new DatabaseOptions { Provider = Postgres, ConnectionString = _postgres };

    public static async Task<ProviderDatabase> CreateAsync(string provider)
    {
        var database = provider == Postgres
            ? new ProviderDatabase(provider, null, await (await PostgresServer.SharedAsync()).CreateDatabaseAsync())
            : new ProviderDatabase(provider, await TempDatabase.CreateAsync(), null);
        if (provider == Postgres)
        {
            await using var db = database.Open();
            await DatabaseInitializer.MigrateAsync(db);
        }

        return database;
    }

    public DashboardDbContext Open()
    {
        var builder = new DbContextOptionsBuilder<DashboardDbContext>();
        DashboardDatabase.Configure(builder, Options, AppContext.BaseDirectory);
        return new DashboardDbContext(builder.Options);
    }

    /// <summary>A number from plain SQL (a count, a sum), on whichever provider.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var db = Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }
    }
}
