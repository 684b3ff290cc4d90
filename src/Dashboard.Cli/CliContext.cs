using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Data;
using Dashboard.Metrics.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Cli;

/// <summary>What every command shares: its writers, the clock, the database option and JSON settings.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr, TimeProvider time)
{
    public const string DefaultDbPath = "data/dashboard.db";
    public const string DbEnvironmentVariable = "DASHBOARD_DB";
    public const string PostgresEnvironmentVariable = "DASHBOARD_POSTGRES";

    public TextWriter Out { get; } = stdout;
    public TextWriter Err { get; } = stderr;
    public TimeProvider Time { get; } = time;

    public Option<string?> DbOption { get; } = new("--db")
    {
        Description = $"SQLite database file (default: ${DbEnvironmentVariable}, else {DefaultDbPath})",
        Recursive = true,
    };

    public Option<string?> PostgresOption { get; } = new("--postgres")
    {
        Description = $"A PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…; default: ${PostgresEnvironmentVariable}): "
            + "when given, the command works on that database instead of the SQLite file",
        Recursive = true,
    };

    /// <summary>`--format json|csv` on every command (API.md's common options): JSON by default.</summary>
    public Option<string> FormatOption { get; } = CreateFormatOption();

    /// <summary>The format the command line asked for, read before the command runs.</summary>
    public string Format { get; set; } = "json";

    private static Option<string> CreateFormatOption()
    {
        var option = new Option<string>("--format") { Description = "json | csv", DefaultValueFactory = _ => "json", Recursive = true };
        option.AcceptOnlyFromAmong("json", "csv");
        return option;
    }

    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string DbPath(ParseResult parse) =>
        Path.GetFullPath(parse.GetValue(DbOption) ?? Environment.GetEnvironmentVariable(DbEnvironmentVariable) ?? DefaultDbPath);

    /// <summary>The PostgreSQL database the command works on, or null for the SQLite file.</summary>
    public string? Postgres(ParseResult parse) =>
        parse.GetValue(PostgresOption) is { Length: > 0 } given ? given
        : Environment.GetEnvironmentVariable(PostgresEnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    /// <summary>"postgres", or the SQLite file's full path: which database a command's answer came from.</summary>
    public string DatabaseName(ParseResult parse) => Postgres(parse) is null ? DbPath(parse) : "postgres";

    /// <summary>Where files that belong with the database go (the demo data's CSV files and its truth file).</summary>
    public string DataFolder(ParseResult parse) =>
        Postgres(parse) is null ? Path.GetDirectoryName(DbPath(parse))! : Path.GetFullPath(Path.GetDirectoryName(DefaultDbPath)!);

    public DbContextOptions<DashboardDbContext> Options(ParseResult parse) =>
        Postgres(parse) is { } connection ? DashboardDatabase.PostgresOptions(connection) : DashboardDatabase.SqliteOptions(DbPath(parse));

    /// <summary>Opens the database, creating and migrating it when needed.</summary>
    public async Task<DashboardDbContext> OpenAsync(ParseResult parse, CancellationToken ct)
    {
        if (Postgres(parse) is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DbPath(parse))!);
        }

        var db = new DashboardDbContext(Options(parse));
        await DatabaseInitializer.MigrateAsync(db, ct);
        return db;
    }

    /// <summary>Opens the SQLite file whatever --postgres says (the source of a copy to PostgreSQL).</summary>
    public async Task<DashboardDbContext> OpenSqliteAsync(ParseResult parse, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath(parse))!);
        var db = DashboardDatabase.OpenSqlite(DbPath(parse));
        await DatabaseInitializer.MigrateAsync(db, ct);
        return db;
    }

    public void WriteJson<T>(T value) => Write(JsonSerializer.SerializeToNode(value, Json));

    /// <summary>An answer on stdout, as JSON or, with `--format csv`, as one CSV table (<see cref="JsonCsv"/>).</summary>
    public void Write(JsonNode? answer)
    {
        if (Format == "csv")
        {
            Out.Write(JsonCsv.ToCsv(answer));
        }
        else
        {
            Out.WriteLine(answer?.ToJsonString(Json) ?? "null");
        }
    }
}
