using System.Globalization;
using Dashboard.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Data.Imports.SqlText;

namespace Dashboard.Data.Imports;

public sealed record RollbackResult(int ImportId, bool RolledBack, long RowsRemoved, long RowsRestored, string Message);

/// <summary>
/// Undoes a successful import: its rows go and the rows it replaced come back. Refused when a later import has
/// since replaced some of its rows (roll that one back first), so history is never rewritten out of order.
/// </summary>
public sealed class ImportRollback(DashboardDbContext db, TimeProvider time)
{
    public async Task<RollbackResult> RollbackAsync(int importId, string actor, CancellationToken ct = default)
    {
        var record = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId, ct);
        if (record is null)
        {
            return new(importId, false, 0, 0, $"import {importId} does not exist");
        }

        if (record.Outcome != "succeeded")
        {
            return new(importId, false, 0, 0, $"import {importId} is {record.Outcome.Replace('_', ' ')}: only a succeeded import can be rolled back");
        }

        var table = Quote(KindMapper.For(ImportKinds.Find(record.Kind)!.Key).Table);
        await using var open = await OpenConnection.OfAsync(db, ct);
        var connection = open.Connection;
        await using var tx = await connection.BeginTransactionAsync(ct);
        var sql = new StagingTable(connection, tx, KindMapper.For(record.Kind));
        var laterId = await sql.ScalarAsync<long>(
            $"SELECT COALESCE(MIN(superseded_by), 0) FROM {table} WHERE import_id = @id AND superseded_by IS NOT NULL", ct, ("@id", importId));
        if (laterId != 0)
        {
            return new(importId, false, 0, 0,
                $"rows of import {importId} were since replaced by import {laterId.ToString(CultureInfo.InvariantCulture)}: roll that import back first");
        }

        var removed = await sql.ExecuteAsync($"DELETE FROM {table} WHERE import_id = @id", ct, ("@id", importId));
        var restored = await sql.ExecuteAsync($"UPDATE {table} SET superseded_by = NULL WHERE superseded_by = @id", ct, ("@id", importId));
        await sql.ExecuteAsync("UPDATE imports SET outcome = 'rolled_back', rolled_back_utc = @at WHERE id = @id", ct,
            ("@at", time.GetUtcNow().UtcDateTime), ("@id", importId));
        var message = $"import {importId} rolled back: {removed} row(s) removed, {restored} replaced row(s) restored";
        await sql.ExecuteAsync(
            "INSERT INTO audit_log (utc, actor, action, target, details) VALUES (@at, @actor, 'import_rolled_back', @target, @details)", ct,
            ("@at", time.GetUtcNow().UtcDateTime), ("@actor", actor), ("@target", $"{record.Kind} #{importId} ({record.FileName})"), ("@details", message));
        await tx.CommitAsync(ct);
        return new(importId, true, removed, restored, message);
    }
}
