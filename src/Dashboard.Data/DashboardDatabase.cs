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

        throw new InvalidOperationException(
            $"Database:Provider '{options.Provider}' is not supported by this build; use 'Sqlite'.");
    }
}
