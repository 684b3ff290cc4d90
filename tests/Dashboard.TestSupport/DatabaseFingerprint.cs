using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dashboard.TestSupport;

/// <summary>
/// A hash of the content of every table (all rows, all columns, rows sorted), to prove that a refused import changed
/// nothing. The import history and its error reports are left out: a failed import is recorded there on purpose.
/// Compares states of one database, so each provider's own value formats are fine.
/// </summary>
public static class DatabaseFingerprint
{
    public static async Task<string> ComputeAsync(string path, params string[] excludeTables)
    {
        await using var connection = new SqliteConnection(DashboardDatabase.SqliteConnectionString(path));
        await connection.OpenAsync();
        return await ComputeAsync(connection, excludeTables);
    }

    public static async Task<string> ComputeAsync(DbConnection connection, params string[] excludeTables)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var exclude = new HashSet<string>(excludeTables.Append("imports").Append("import_errors"), StringComparer.Ordinal);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = connection is NpgsqlConnection
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables.Where(t => !exclude.Contains(t)))
        {
            hash.AppendData(Encoding.UTF8.GetBytes("#" + table + "\n"));
            var rows = new List<string>();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var sb = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    sb.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }

                rows.Add(sb.ToString());
            }

            // Sorted, not in storage order: PostgreSQL has no rowid, and an update may move a row.
            rows.Sort(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(row + "\n"));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
