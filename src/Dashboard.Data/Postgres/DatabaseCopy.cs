using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Dashboard.Data.Postgres;

/// <summary>
/// Copies every row of a SQLite database into a migrated PostgreSQL database through binary COPY, tables in
/// foreign-key order, values converted by the target column's type (SQLite keeps dates and times as text). The target
/// is emptied first and the copy is one transaction: it lands whole or not at all. For moving an instance from the
/// embedded database to a shared one, and for tests that need the same data on both providers.
/// </summary>
public static class DatabaseCopy
{
    private const string MigrationsHistory = "__EFMigrationsHistory";

    /// <returns>Rows copied per table.</returns>
    public static async Task<IReadOnlyDictionary<string, long>> FromSqliteAsync(string sqlitePath, string postgresConnectionString, CancellationToken ct = default)
    {
        await using var target = new NpgsqlConnection(postgresConnectionString);
        await target.OpenAsync(ct);
        var columns = await ColumnsAsync(target, ct);
        var order = await ForeignKeyOrderAsync(target, [.. columns.Keys], ct);

        await using var source = new SqliteConnection(DashboardDatabase.SqliteConnectionString(sqlitePath));
        await source.OpenAsync(ct);
        await using var tx = await target.BeginTransactionAsync(ct);
        await using (var truncate = new NpgsqlCommand($"TRUNCATE {string.Join(", ", order.Select(Quote))} RESTART IDENTITY CASCADE", target, tx))
        {
            await truncate.ExecuteNonQueryAsync(ct);
        }

        var copied = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in order)
        {
            var cols = columns[table];
            await using var read = source.CreateCommand();
            read.CommandText = $"SELECT {string.Join(", ", cols.Select(c => Quote(c.Name)))} FROM {Quote(table)}";
            await using var reader = await read.ExecuteReaderAsync(ct);
            await using var writer = await target.BeginBinaryImportAsync(
                $"COPY {Quote(table)} ({string.Join(", ", cols.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
            long rows = 0;
            while (await reader.ReadAsync(ct))
            {
                await writer.StartRowAsync(ct);
                for (var i = 0; i < cols.Count; i++)
                {
                    await WriteAsync(writer, reader, i, cols[i], table, ct);
                }

                rows++;
            }

            await writer.CompleteAsync(ct);
            copied[table] = rows;
        }

        // Identity columns continue after the copied ids.
        foreach (var table in order.Where(t => columns[t].Any(c => c.Name == "id" && c.IsIdentity)))
        {
            await using var sequence = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('{Quote(table)}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {Quote(table)}", target, tx);
            await sequence.ExecuteScalarAsync(ct);
        }

        await tx.CommitAsync(ct);
        return copied;
    }

    private sealed record Column(string Name, string Type, bool IsIdentity);

    private static async Task WriteAsync(NpgsqlBinaryImporter writer, SqliteDataReader reader, int i, Column column, string table, CancellationToken ct)
    {
        if (reader.IsDBNull(i))
        {
            await writer.WriteNullAsync(ct);
            return;
        }

        switch (column.Type)
        {
            case "integer":
                await writer.WriteAsync(reader.GetInt32(i), NpgsqlDbType.Integer, ct);
                break;
            case "bigint":
                await writer.WriteAsync(reader.GetInt64(i), NpgsqlDbType.Bigint, ct);
                break;
            case "smallint":
                await writer.WriteAsync(reader.GetInt16(i), NpgsqlDbType.Smallint, ct);
                break;
            case "boolean":
                await writer.WriteAsync(reader.GetInt64(i) != 0, NpgsqlDbType.Boolean, ct);
                break;
            case "double precision":
                await writer.WriteAsync(reader.GetDouble(i), NpgsqlDbType.Double, ct);
                break;
            case "date":
                await writer.WriteAsync(DateOnly.ParseExact(reader.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Date, ct);
                break;
            case "timestamp with time zone":
                await writer.WriteAsync(DateTime.Parse(reader.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                    NpgsqlDbType.TimestampTz, ct);
                break;
            case "bytea":
                await writer.WriteAsync((byte[])reader.GetValue(i), NpgsqlDbType.Bytea, ct);
                break;
            case "text" or "character varying":
                await writer.WriteAsync(reader.GetString(i), NpgsqlDbType.Text, ct);
                break;
            default:
                throw new InvalidOperationException($"{table}.{column.Name}: PostgreSQL type {column.Type} has no conversion from SQLite.");
        }
    }

    private static async Task<Dictionary<string, List<Column>>> ColumnsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var columns = new Dictionary<string, List<Column>>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand(
            "SELECT table_name, column_name, data_type, is_identity = 'YES' FROM information_schema.columns "
            + "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position", connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var table = reader.GetString(0);
            if (table == MigrationsHistory)
            {
                continue;
            }

            if (!columns.TryGetValue(table, out var list))
            {
                columns[table] = list = [];
            }

            list.Add(new Column(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3)));
        }

        return columns;
    }

    /// <summary>Tables so that every table comes after the tables its foreign keys point to.</summary>
    private static async Task<List<string>> ForeignKeyOrderAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var parents = tables.ToDictionary(t => t, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand(
            "SELECT c.relname, p.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid WHERE k.contype = 'f'", connection))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var (child, parent) = (reader.GetString(0), reader.GetString(1));
                if (parents.TryGetValue(child, out var set) && child != parent)
                {
                    set.Add(parent);
                }
            }
        }

        var order = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (order.Count < tables.Count)
        {
            var ready = tables.Where(t => !done.Contains(t) && parents[t].All(done.Contains)).Order(StringComparer.Ordinal).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"Foreign keys form a cycle among {string.Join(", ", tables.Where(t => !done.Contains(t)))}.");
            }

            order.AddRange(ready);
            done.UnionWith(ready);
        }

        return order;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
