using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Dashboard.Data;

/// <summary>
/// The few places where hand-written SQL differs between the providers. SQLite keeps dates and times as ISO text and
/// has group_concat and instr; PostgreSQL has typed dates, string_agg and strpos. Everything else is written once.
/// </summary>
internal sealed class SqlDialect
{
    public static SqlDialect ForSqlite { get; } = new(false);

    public static SqlDialect ForPostgres { get; } = new(true);

    private SqlDialect(bool isPostgres) => IsPostgres = isPostgres;

    public bool IsPostgres { get; }

    public static SqlDialect Of(DbConnection connection) => connection is NpgsqlConnection ? ForPostgres : ForSqlite;

    /// <summary>The distinct values of <paramref name="expression"/> in a group, as one comma-separated text.</summary>
    public string DistinctList(string expression) =>
        IsPostgres ? $"string_agg(DISTINCT CAST({expression} AS TEXT), ',')" : $"group_concat(DISTINCT {expression})";

    /// <summary>A date column's month as YYYY-MM text.</summary>
    public string Month(string date) => IsPostgres ? $"to_char({date}, 'YYYY-MM')" : $"substr({date}, 1, 7)";

    /// <summary>A UTC timestamp column's day, comparable with <see cref="DateParameter"/>.</summary>
    public string Day(string timestamp) => IsPostgres ? $"CAST({timestamp} AT TIME ZONE 'UTC' AS date)" : $"substr({timestamp}, 1, 10)";

    /// <summary>A UTC timestamp column's month as YYYY-MM text.</summary>
    public string TimestampMonth(string timestamp) =>
        IsPostgres ? $"to_char({timestamp} AT TIME ZONE 'UTC', 'YYYY-MM')" : $"substr({timestamp}, 1, 7)";

    /// <summary>A YYYY-MM text column's first day, comparable with <see cref="DateParameter"/>.</summary>
    public string FirstOfMonth(string month) => IsPostgres ? $"to_date({month} || '-01', 'YYYY-MM-DD')" : $"{month} || '-01'";

    /// <summary>True where <paramref name="needle"/> occurs in <paramref name="text"/>, literally (no LIKE wildcards).</summary>
    public string Contains(string text, string needle) => IsPostgres ? $"strpos({text}, {needle}) > 0" : $"instr({text}, {needle}) > 0";

    /// <summary>Any value as text for comparing with a text parameter (SQLite compares by the column's affinity).</summary>
    public string AsText(string expression) => IsPostgres ? $"CAST({expression} AS TEXT)" : expression;

    /// <summary>A date as a parameter value: ISO text on SQLite, a date on PostgreSQL.</summary>
    public object DateParameter(DateOnly date) => IsPostgres ? date : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Reads values whose storage differs by provider into one form.</summary>
internal static class DbValues
{
    public static DateOnly Date(DbDataReader reader, int ordinal) => Snapshots.SnapshotLoader.Day(reader, ordinal);

    /// <summary>A cell as the row browser shows it: ISO dates and times, invariant numbers, on either provider.</summary>
    public static string Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? "" : reader.GetValue(ordinal) switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
    };
}
