using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Data;
using Microsoft.Data.Sqlite;

namespace Dashboard.TestSupport;

/// <summary>
/// A hash of the content of every table (all rows, all columns, in rowid order), to prove that a refused import
/// changed nothing. The import history and its error reports are left out: a failed import is recorded there on purpose.
/// </summary>
public static class DatabaseFingerprint
{
    public static async Task<string> ComputeAsync(string path, params string[] excludeTables)
    {
        var exclude = new HashSet<string>(excludeTables.Append("imports").Append("import_errors"), StringComparer.Ordinal);
        await using var connection = new SqliteConnection(DashboardDatabase.SqliteConnectionString(path));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
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
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var sb = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    sb.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }

                hash.AppendData(Encoding.UTF8.GetBytes(sb.Append('\n').ToString()));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
