using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Dashboard.Data.Postgres;

/// <summary>
/// Writes one value into a binary COPY by the target column's PostgreSQL type. Binary COPY takes no implicit casts, so
/// each value is converted here: the import's CLR values, and SQLite's longs and ISO text for dates and times.
/// </summary>
internal static class CopyValues
{
    public static void Write(NpgsqlBinaryImporter writer, object? value, string type, string column)
    {
        if (value is null || value is DBNull)
        {
            writer.WriteNull();
            return;
        }

        switch (type)
        {
            case "integer":
                writer.Write(Convert.ToInt32(value, CultureInfo.InvariantCulture), NpgsqlDbType.Integer);
                break;
            case "bigint":
                writer.Write(Convert.ToInt64(value, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint);
                break;
            case "smallint":
                writer.Write(Convert.ToInt16(value, CultureInfo.InvariantCulture), NpgsqlDbType.Smallint);
                break;
            case "boolean":
                writer.Write(value is bool b ? b : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0, NpgsqlDbType.Boolean);
                break;
            case "double precision":
                writer.Write(Convert.ToDouble(value, CultureInfo.InvariantCulture), NpgsqlDbType.Double);
                break;
            case "date":
                writer.Write(value is DateOnly d ? d : DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Date);
                break;
            case "timestamp with time zone":
                writer.Write(Utc(value), NpgsqlDbType.TimestampTz);
                break;
            case "bytea":
                writer.Write((byte[])value, NpgsqlDbType.Bytea);
                break;
            case "text" or "character varying":
                writer.Write(value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)!, NpgsqlDbType.Text);
                break;
            default:
                throw new InvalidOperationException($"{column}: PostgreSQL type {type} has no conversion for binary COPY.");
        }
    }

    /// <summary>timestamptz takes UTC only: the app's times are UTC, and SQLite's text is read as UTC.</summary>
    private static DateTime Utc(object value) => value switch
    {
        DateTime { Kind: DateTimeKind.Utc } utc => utc,
        DateTime { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        DateTime unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
        DateTimeOffset offset => offset.UtcDateTime,
        string text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidCastException($"{value.GetType().Name} is not a time"),
    };

    /// <summary>Each column's PostgreSQL type, in table order.</summary>
    public static async Task<List<(string Name, string Type)>> ColumnsOfAsync(NpgsqlConnection connection, string table, NpgsqlTransaction? tx, CancellationToken ct)
    {
        // pg_attribute sees temporary tables too (information_schema would need the session's pg_temp schema name).
        await using var cmd = new NpgsqlCommand(
            """
            SELECT a.attname, format_type(a.atttypid, NULL) FROM pg_attribute a
            WHERE a.attrelid = to_regclass(@table) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
            """, connection, tx);
        cmd.Parameters.AddWithValue("table", "\"" + table + "\"");
        var columns = new List<(string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }
}
