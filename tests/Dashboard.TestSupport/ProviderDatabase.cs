using System.Data.Common;
using System.Globalization;
using Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dashboard.TestSupport;

/// <summary>
/// A migrated database with the reference data on either provider, for tests that must hold on both: a SQLite file of
/// its own, or a database of its own on the test run's PostgreSQL server. Either way it has a temporary folder for the
/// files a test imports.
/// </summary>
public sealed class ProviderDatabase : IAsyncDisposable
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static IReadOnlyList<string> Both { get; } = [Sqlite, Postgres];

    private readonly TempDatabase _folder;
    private readonly string? _postgres;
    private readonly PostgresServer? _server;

    private ProviderDatabase(string provider, TempDatabase folder, string? postgres, PostgresServer? server)
    {
        Provider = provider;
        _folder = folder;
        _postgres = postgres;
        _server = server;
    }

    public string Provider { get; }

    public bool IsPostgres => _postgres is not null;

    /// <summary>The PostgreSQL database's connection string (null on SQLite).</summary>
    public string? PostgresConnectionString => _postgres;

    /// <summary>The temporary folder as a <see cref="TempDatabase"/> (on SQLite, the database itself).</summary>
    public TempDatabase FolderDatabase => _folder;

    /// <summary>The test's temporary folder (on SQLite, the database file is in it).</summary>
    public string Folder => _folder.Folder;

    /// <summary>The "Database" settings that point the app at this database.</summary>
    public DatabaseOptions Options => IsPostgres
        ? new DatabaseOptions { Provider = Postgres, ConnectionString = _postgres }
        : new DatabaseOptions { Provider = Sqlite, SqlitePath = _folder.Path };

    /// <summary>The command line's options that select this database.</summary>
    public string[] CliArgs => IsPostgres ? ["--postgres", _postgres!] : ["--db", _folder.Path];

    public static async Task<ProviderDatabase> CreateAsync(string provider)
    {
        if (provider == Postgres)
        {
            var server = await PostgresServer.SharedAsync();
            var connection = await server.CreateMigratedDatabaseAsync();
            return new ProviderDatabase(provider, TempDatabase.At(Directory.CreateTempSubdirectory("dashboard-test-").FullName), connection, server);
        }

        return new ProviderDatabase(provider, await TempDatabase.CreateAsync(), null, null);
    }

    public DashboardDbContext Open() => new(ContextOptions());

    public IDbContextFactory<DashboardDbContext> Factory() => new PooledDbContextFactory<DashboardDbContext>(ContextOptions());

    private DbContextOptions<DashboardDbContext> ContextOptions()
    {
        var builder = new DbContextOptionsBuilder<DashboardDbContext>();
        DashboardDatabase.Configure(builder, Options, AppContext.BaseDirectory);
        return builder.Options;
    }

    /// <summary>Writes a file into the test's folder and returns its path.</summary>
    public string WriteFile(string name, string content) => _folder.WriteFile(name, content);

    /// <summary>A number from plain SQL (a count, a sum), on whichever provider.</summary>
    public async Task<long> CountAsync(string sql) => Convert.ToInt64(await ScalarAsync(sql) ?? 0L, CultureInfo.InvariantCulture);

    public async Task<string> ScalarTextAsync(string sql) => Convert.ToString(await ScalarAsync(sql), CultureInfo.InvariantCulture) ?? "";

    /// <summary>Every row of a query as "a|b|c" text (dates as ISO), for comparing answers across databases.</summary>
    public async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = await ConnectAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                var value => Convert.ToString(value, CultureInfo.InvariantCulture),
            })));
        }

        return rows;
    }

    /// <summary>Runs a statement directly on the database, as a tool outside the app would.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = await ConnectAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>A hash of every table's content (see <see cref="DatabaseFingerprint"/>).</summary>
    public async Task<string> FingerprintAsync(params string[] excludeTables)
    {
        await using var connection = await ConnectAsync();
        return await DatabaseFingerprint.ComputeAsync(connection, excludeTables);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await ConnectAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private async Task<DbConnection> ConnectAsync()
    {
        DbConnection connection = IsPostgres
            ? new Npgsql.NpgsqlConnection(_postgres)
            : new Microsoft.Data.Sqlite.SqliteConnection(DashboardDatabase.SqliteConnectionString(_folder.Path));
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _server!.DropDatabaseAsync(_postgres);
        }

        await _folder.DisposeAsync();
    }
}
