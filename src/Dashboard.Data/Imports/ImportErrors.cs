using System.Data.Common;
using System.Globalization;

namespace Dashboard.Data.Imports;

/// <summary>Records a failed import and its listed errors (the report the history page shows and downloads).</summary>
internal static class ImportErrors
{
    public static async Task<int> RecordFailureAsync(
        DbConnection connection, string kind, string fileName, string user, string via, string template, DateTime started, DateTime finished,
        long rows, int totalErrors, IReadOnlyList<ImportError> errors, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        int importId;
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText =
                """
                INSERT INTO imports (kind, file_name, "user", via, template, started_utc, finished_utc, outcome, rows_read, inserted, replaced, erased, error_count)
                VALUES (@kind, @file, @user, @via, @template, @started, @finished, 'failed', @rows, 0, 0, 0, @errors) RETURNING id
                """;
            StagingTable.AddParameters(cmd, ("@kind", kind), ("@file", fileName), ("@user", user), ("@via", via), ("@template", template),
                ("@started", started), ("@finished", finished), ("@rows", rows), ("@errors", totalErrors));
            importId = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO import_errors (import_id, line, \"column\", value, message) VALUES (@id, @line, @column, @value, @message)";
            StagingTable.AddParameters(insert, ("@id", importId), ("@line", 0L), ("@column", ""), ("@value", ""), ("@message", ""));
            foreach (var error in errors)
            {
                insert.Parameters[1].Value = error.Line;
                insert.Parameters[2].Value = error.Column;
                insert.Parameters[3].Value = error.Value;
                insert.Parameters[4].Value = error.Message;
                await insert.ExecuteNonQueryAsync(ct);
            }
        }

        await tx.CommitAsync(ct);
        return importId;
    }
}
