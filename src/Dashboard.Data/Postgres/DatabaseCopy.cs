using Microsoft.Data.Sqlite;
using Npgsql;

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
        // A million-row table outlasts the default 30 s command timeout on a busy machine; the caller's token cancels.
        var connectionString = new NpgsqlConnectionStringBuilder(postgresConnectionString) { CommandTimeout = 0 }.ToString();
        await using var target = new NpgsqlConnection(connectionString);
        await target.OpenAsync(ct);
        var columns = await ColumnsAsync(target, ct);
        var order = await ForeignKeyOrderAsync(target, [.. columns.Keys], ct);

        await using var source = new SqliteConnection(DashboardDatabase.SqliteConnectionString(sqlitePath));
        await source.OpenAsync(ct);
        await using var tx = await target.BeginTransactionAsync(ct);
        await ExecuteAsync(target, tx, $"TRUNCATE {string.Join(", ", order.Select(Quote))} RESTART IDENTITY CASCADE", ct);

        // As pg_restore does: rows first, then secondary indexes and foreign keys, each built once over the whole table
        // instead of maintained and checked row by row. The DDL is part of the transaction like the rows.
        var deferred = await DeferredDefinitionsAsync(target, tx, ct);
        foreach (var (drop, _) in deferred)
        {
            await ExecuteAsync(target, tx, drop, ct);
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
            var values = new object[cols.Count];
            long rows = 0;
            while (await reader.ReadAsync(ct))
            {
                reader.GetValues(values);
                writer.StartRow();
                for (var i = 0; i < cols.Count; i++)
                {
                    CopyValues.Write(writer, values[i], cols[i].Type, table + "." + cols[i].Name);
                }

                rows++;
            }

            await writer.CompleteAsync(ct);
            copied[table] = rows;
        }

        foreach (var (_, create) in deferred.AsEnumerable().Reverse())
        {
            await ExecuteAsync(target, tx, create, ct);
        }

        // Identity columns continue after the copied ids.
        foreach (var table in order.Where(t => columns[t].Any(c => c.Name == "id" && c.IsIdentity)))
        {
            await ExecuteAsync(target, tx,
                $"SELECT setval(pg_get_serial_sequence('{Quote(table)}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {Quote(table)}", ct);
        }

        await tx.CommitAsync(ct);
        return copied;
    }

    private sealed record Column(string Name, string Type, bool IsIdentity);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// (drop, create) statements for the foreign keys, then the indexes that back no primary key or unique constraint;
    /// run the drops in this order and the creates in reverse.
    /// </summary>
    private static async Task<List<(string Drop, string Create)>> DeferredDefinitionsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        var statements = new List<(string, string)>();
        await using var cmd = new NpgsqlCommand(
            """
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', k.conrelid::regclass, k.conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.conrelid::regclass, k.conname, pg_get_constraintdef(k.oid))
            FROM pg_constraint k WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace
            UNION ALL
            SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
            WHERE t.relnamespace = 'public'::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
            """, connection, tx);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            statements.Add((reader.GetString(0), reader.GetString(1)));
        }

        return statements;
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
