using System.Data.Common;
using System.Globalization;
using Dashboard.Data.Entities;

namespace Dashboard.Data.Privacy;

/// <summary>What an erasure removed, in counts only.</summary>
public sealed record ErasureResult(string What, long Rows, long Markets, long ErrorReportLines)
{
    public bool Found => Rows > 0 || ErrorReportLines > 0;

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"erased one {What}: {Rows} row(s) in {Markets} market(s), {ErrorReportLines} error report line(s)");
}

/// <summary>
/// Erases a person everywhere the product holds them: every version of their rows (current and replaced, so a
/// rollback cannot bring them back) and any error report line that quoted the id. The audit log and the data
/// changes record who erased and how much, never the id itself.
/// </summary>
public static class Erasure
{
    public const string Journey = "journey";
    public const string Respondent = "survey respondent";

    public static Task<ErasureResult> EraseJourneyAsync(DashboardDbContext db, TimeProvider time, string journeyId, string actor, CancellationToken ct = default) =>
        EraseAsync(db, time, Journey, "journeys", "journey_id", journeyId, actor, ct);

    /// <summary>A survey respondent's answers, reasons included (free text that may hold personal data).</summary>
    public static Task<ErasureResult> EraseRespondentAsync(DashboardDbContext db, TimeProvider time, string respondentId, string actor, CancellationToken ct = default) =>
        EraseAsync(db, time, Respondent, "survey_responses", "respondent_id", respondentId, actor, ct);

    private static async Task<ErasureResult> EraseAsync(
        DashboardDbContext db, TimeProvider time, string what, string table, string column, string id, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var trimmed = id?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new ArgumentException($"give the {what} id to erase", nameof(id));
        }

        await using var open = await OpenConnection.OfAsync(db, ct);
        var connection = open.Connection;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var markets = await ScalarAsync(connection, tx, $"SELECT COUNT(DISTINCT market_id) FROM {table} WHERE {column} = @id", trimmed, ct);
            var rows = await ExecuteAsync(connection, tx, $"DELETE FROM {table} WHERE {column} = @id", trimmed, ct);
            // Error reports quote ids alone or inside a repeated key ("j_1,DE,…"): any line that holds the id goes.
            var reports = await ExecuteAsync(connection, tx, $"DELETE FROM import_errors WHERE {SqlDialect.Of(connection).Contains("value", "@id")}", trimmed, ct);
            var result = new ErasureResult(what, rows, markets, reports);
            if (result.Found)
            {
                var now = time.GetUtcNow().UtcDateTime;
                await using var log = connection.CreateCommand();
                log.Transaction = tx;
                log.CommandText =
                    """
                    INSERT INTO data_changes (utc, kind, actor, summary) VALUES (@at, @kind, @actor, @summary);
                    INSERT INTO audit_log (utc, actor, action, target, details) VALUES (@at, @actor, 'personal_data_erased', @what, @summary);
                    """;
                AddParameter(log, "@at", now);
                AddParameter(log, "@kind", DataChange.Erasure);
                AddParameter(log, "@actor", actor);
                AddParameter(log, "@summary", result.Summary);
                AddParameter(log, "@what", what);
                await log.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
            return result;
        }
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, string id, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        AddParameter(cmd, "@id", id);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction tx, string sql, string id, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        AddParameter(cmd, "@id", id);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
