using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dashboard.Data;

namespace Dashboard.Cli;

/// <summary>What every command shares: its writers, the clock, the database option and JSON settings.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr, TimeProvider time)
{
    public const string DefaultDbPath = "data/dashboard.db";
    public const string DbEnvironmentVariable = "DASHBOARD_DB";

    public TextWriter Out { get; } = stdout;
    public TextWriter Err { get; } = stderr;
    public TimeProvider Time { get; } = time;

    public Option<string?> DbOption { get; } = new("--db")
    {
        Description = $"SQLite database file (default: ${DbEnvironmentVariable}, else {DefaultDbPath})",
        Recursive = true,
    };

    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string DbPath(ParseResult parse) =>
        Path.GetFullPath(parse.GetValue(DbOption) ?? Environment.GetEnvironmentVariable(DbEnvironmentVariable) ?? DefaultDbPath);

    /// <summary>Opens the database, creating and migrating it when needed.</summary>
    public async Task<DashboardDbContext> OpenAsync(ParseResult parse, CancellationToken ct)
    {
        var path = DbPath(parse);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var db = DashboardDatabase.OpenSqlite(path);
        await DatabaseInitializer.MigrateAsync(db, ct);
        return db;
    }

    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, Json));
}
