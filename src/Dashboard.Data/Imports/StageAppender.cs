using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dashboard.Data.Imports;

/// <summary>
/// Appends validated rows to the staging table, once per row, so it is the hottest path of an import. SQLite gets a
/// statement bound through SQLitePCLRaw directly (ADO.NET's per-call parameter handling cost more than the insert);
/// other providers get a prepared ADO.NET command.
/// </summary>
internal abstract class StageAppender : IDisposable
{
    public abstract void Append(object?[] values, long line);

    public abstract void Dispose();

    public static StageAppender For(DbConnection connection, DbTransaction transaction, string insertSql, int columns) =>
        connection is SqliteConnection sqlite
            ? new SqliteStageAppender(sqlite, insertSql)
            : new AdoStageAppender(connection, transaction, insertSql, columns);
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

internal sealed class AdoStageAppender : StageAppender
{
    private readonly DbCommand _insert;

    public AdoStageAppender(DbConnection connection, DbTransaction transaction, string insertSql, int columns)
    {
        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = insertSql;
        for (var i = 0; i <= columns; i++)
        {
            var p = _insert.CreateParameter();
            p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            _insert.Parameters.Add(p);
        }

        _insert.Prepare();
    }

    public override void Append(object?[] values, long line)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _insert.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _insert.Parameters[values.Length].Value = line;
        _insert.ExecuteNonQuery();
    }

    public override void Dispose() => _insert.Dispose();
}
