namespace Dashboard.Data;

/// <summary>Where the data lives. Bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>"Sqlite" (default, embedded) or "Postgres" (several instances on one database).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file; relative paths are resolved against the app's base directory.</summary>
    public string SqlitePath { get; set; } = "data/dashboard.db";

    /// <summary>Used when <see cref="Provider"/> is Postgres.</summary>
    public string? ConnectionString { get; set; }

    public string ResolveSqlitePath(string baseDirectory) =>
        Path.IsPathRooted(SqlitePath) ? SqlitePath : Path.GetFullPath(Path.Combine(baseDirectory, SqlitePath));
}
