using Dashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dashboard.TestSupport;

/// <summary>A real SQLite file in its own temporary folder, migrated, deleted with the test.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    // Folders of databases a test forgot to dispose are removed when the test process ends.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Undisposed = new();

    static TempDatabase() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        SqliteConnection.ClearAllPools();
        foreach (var folder in Undisposed.Keys)
        {
            TryDelete(folder);
        }
    };

    private TempDatabase(string folder)
    {
        Undisposed[folder] = true;
        Folder = folder;
        Path = System.IO.Path.Combine(folder, "dashboard.db");
    }

    public string Folder { get; }

    public string Path { get; }

    public static async Task<TempDatabase> CreateAsync()
    {
        var db = new TempDatabase(Directory.CreateTempSubdirectory("dashboard-test-").FullName);
        await using var context = db.Open();
        await DatabaseInitializer.MigrateAsync(context);
        return db;
    }

    /// <summary>A database path in a folder of its own, with no file yet.</summary>
    public static TempDatabase At(string folder) => new(folder);

    /// <summary>A copy of an existing database file (for example a seeded template) that tests may change freely.</summary>
    public static TempDatabase CopyOf(string sourcePath)
    {
        var db = new TempDatabase(Directory.CreateTempSubdirectory("dashboard-test-").FullName);
        File.Copy(sourcePath, db.Path);
        return db;
    }

    public DashboardDbContext Open() => DashboardDatabase.OpenSqlite(Path);

    public IDbContextFactory<DashboardDbContext> Factory() => new PooledDbContextFactory<DashboardDbContext>(DashboardDatabase.SqliteOptions(Path));

    /// <summary>Writes a file into the database's folder and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = System.IO.Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<string> ScalarTextAsync(string sql)
    {
        await using var connection = new SqliteConnection(DashboardDatabase.SqliteConnectionString(Path));
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(DashboardDatabase.SqliteConnectionString(Path));
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a statement directly on the file, as a tool outside the app would.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(DashboardDatabase.SqliteConnectionString(Path));
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteNonQueryAsync();
    }

    public async Task<string?> TextAsync(string sql)
    {
        await using var connection = new SqliteConnection(DashboardDatabase.SqliteConnectionString(Path));
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        TryDelete(Folder);
        Undisposed.TryRemove(Folder, out _);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still held open only leaves a temp folder behind; it must not fail the test.
        }
    }
}
