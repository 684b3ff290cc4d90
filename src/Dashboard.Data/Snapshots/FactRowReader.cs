using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Dashboard.Data.Snapshots;

/// <summary>
/// The values of one fact row, read left to right, once each: from an ADO.NET reader (SQLite), or from PostgreSQL's
/// binary COPY, which streams rows several times faster than its row protocol. The snapshot loader's row code is the
/// same for both.
/// </summary>
internal abstract class FactRowReader
{
    public abstract DateOnly Day();

    public abstract int Int();

    public abstract long Long();

    public abstract string Text();

    public abstract bool Bool();

    /// <summary>A UTC time.</summary>
    public abstract DateTime Timestamp();

    /// <summary>Reads every row of <paramref name="select"/> (a SELECT of the columns in the order <paramref name="row"/> reads them).</summary>
    public static async Task ReadAsync(DbConnection connection, DbTransaction tx, string select, Action<FactRowReader> row, CancellationToken ct)
    {
        if (connection is NpgsqlConnection postgres)
        {
            // COPY runs in the connection's open transaction: the same committed state as the other tables.
            using var export = await postgres.BeginBinaryExportAsync($"COPY ({select}) TO STDOUT (FORMAT BINARY)", ct);
            var copy = new Copy(export);
            while (export.StartRow() != -1)
            {
                row(copy);
            }

            return;
        }

        var columns = new Columns();
        await SnapshotLoader.ReadAsync(connection, tx, select, r =>
        {
            columns.Reset(r);
            row(columns);
        }, ct);
    }

    private sealed class Copy(NpgsqlBinaryExporter export) : FactRowReader
    {
        public override DateOnly Day() => export.Read<DateOnly>(NpgsqlDbType.Date);

        public override int Int() => export.Read<int>(NpgsqlDbType.Integer);

        public override long Long() => export.Read<long>(NpgsqlDbType.Bigint);

        public override string Text() => export.Read<string>(NpgsqlDbType.Text);

        public override bool Bool() => export.Read<bool>(NpgsqlDbType.Boolean);

        public override DateTime Timestamp() => export.Read<DateTime>(NpgsqlDbType.TimestampTz);
    }

    /// <summary>SQLite keeps days as ISO text; rows come in runs of one day, so a day's text is parsed once per run.</summary>
    private sealed class Columns : FactRowReader
    {
        private DbDataReader _reader = null!;
        private int _column;
        private string _dayText = "";
        private DateOnly _day;

        public void Reset(DbDataReader reader)
        {
            _reader = reader;
            _column = 0;
        }

        public override DateOnly Day()
        {
            var i = _column++;
            if (_reader.GetFieldType(i) != typeof(string))
            {
                return _reader.GetFieldValue<DateOnly>(i);
            }

            var text = _reader.GetString(i);
            if (!string.Equals(text, _dayText, StringComparison.Ordinal))
            {
                _day = SnapshotLoader.ParseDate(text);
                _dayText = text;
            }

            return _day;
        }

        public override int Int() => _reader.GetInt32(_column++);

        public override long Long() => _reader.GetInt64(_column++);

        public override string Text() => _reader.GetString(_column++);

        public override bool Bool() => _reader.GetBoolean(_column++);

        public override DateTime Timestamp() => SnapshotLoader.Timestamp(_reader, _column++);
    }
}
