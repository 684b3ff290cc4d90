using System.Data.Common;
using System.Globalization;
using Dashboard.Data.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace Dashboard.Data.Imports;

/// <summary>
/// Appends validated rows to the staging table, once per row, so it is the hottest path of an import. SQLite gets a
/// statement bound through SQLitePCLRaw directly (ADO.NET's per-call parameter handling cost more than the insert);
/// PostgreSQL gets one binary COPY for the whole file.
/// </summary>
internal abstract class StageAppender : IDisposable
{
    public abstract void Append(object?[] values, long line);

    /// <summary>Ends the appending: the connection is free for other commands afterwards.</summary>
    public virtual Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

    public abstract void Dispose();

    public static async Task<StageAppender> ForAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<string> columns, CancellationToken ct)
    {
        var names = Enumerable.Range(0, columns.Count + 1).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture));
        var insertSql = $"INSERT INTO stage ({SqlText.List(columns)}, line) VALUES ({string.Join(", ", names)})";
        return connection switch
        {
            SqliteConnection sqlite => new SqliteStageAppender(sqlite, insertSql),
            NpgsqlConnection postgres => await PostgresStageAppender.StartAsync(postgres, (NpgsqlTransaction)transaction, columns, ct),
            _ => throw new NotSupportedException($"no staging for {connection.GetType().Name}: the providers are SQLite and PostgreSQL"),
        };
    }
}

internal sealed class SqliteStageAppender : StageAppender
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<DateOnly, string> _dates = [];

    public SqliteStageAppender(SqliteConnection connection, string insertSql)
    {
        _db = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(_db, insertSql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public override void Append(object?[] values, long line)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Bind(i + 1, values[i]);
        }

        raw.sqlite3_bind_int64(_statement, values.Length + 1, line);
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    /// <summary>The same storage as Microsoft.Data.Sqlite's binder (and so EF Core's): dates and times as ISO text, booleans as 0/1.</summary>
    private void Bind(int index, object? value)
    {
        switch (value)
        {
            case null:
                raw.sqlite3_bind_null(_statement, index);
                break;
            case int i:
                raw.sqlite3_bind_int64(_statement, index, i);
                break;
            case long l:
                raw.sqlite3_bind_int64(_statement, index, l);
                break;
            case bool b:
                raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0);
                break;
            case double d:
                raw.sqlite3_bind_double(_statement, index, d);
                break;
            case string s:
                raw.sqlite3_bind_text(_statement, index, s);
                break;
            case DateOnly date:
                raw.sqlite3_bind_text(_statement, index, DateText(date));
                break;
            case DateTime time:
                raw.sqlite3_bind_text(_statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            default:
                throw new NotSupportedException($"no SQLite binding for {value.GetType().Name}");
        }
    }

    // A file holds a few thousand distinct days at most: format each once.
    private string DateText(DateOnly date)
    {
        if (!_dates.TryGetValue(date, out var text))
        {
            _dates[date] = text = date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture);
        }

        return text;
    }

    public override void Dispose() => _statement.Dispose();
}

/// <summary>The whole file as one binary COPY into the stage: no statement per row, and no text to parse on the server.</summary>
internal sealed class PostgresStageAppender : StageAppender
{
    private readonly NpgsqlBinaryImporter _writer;
    private readonly (string Name, string Type)[] _columns;

    private PostgresStageAppender(NpgsqlBinaryImporter writer, (string Name, string Type)[] columns)
    {
        _writer = writer;
        _columns = columns;
    }

    public static async Task<PostgresStageAppender> StartAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> columns, CancellationToken ct)
    {
        var types = (await CopyValues.ColumnsOfAsync(connection, "stage", transaction, ct)).ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        var ordered = columns.Append("line").Select(c => (c, types[c])).ToArray();
        var writer = await connection.BeginBinaryImportAsync($"COPY stage ({SqlText.List(columns)}, line) FROM STDIN (FORMAT BINARY)", ct);

        // The apply that follows can run long on a large file; the import's own token is what cancels it.
        writer.Timeout = TimeSpan.FromMinutes(10);
        return new PostgresStageAppender(writer, ordered);
    }

    public override void Append(object?[] values, long line)
    {
        _writer.StartRow();
        for (var i = 0; i < values.Length; i++)
        {
            CopyValues.Write(_writer, values[i], _columns[i].Type, _columns[i].Name);
        }

        _writer.Write(line, NpgsqlTypes.NpgsqlDbType.Bigint);
    }

    public override async Task CompleteAsync(CancellationToken ct)
    {
        await _writer.CompleteAsync(ct);

        // Npgsql hands the connection back only when the importer is closed, not when the COPY completes.
        await _writer.CloseAsync(ct);
    }

    public override void Dispose() => _writer.Dispose();
}
