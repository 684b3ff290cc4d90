using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Access;

/// <summary>One line of the audit page: an access event, an import or a rollback.</summary>
public sealed record AuditLine(DateTime Utc, string Actor, string Action, string Target, string Details);

/// <summary>Writes access events and reads them back with the import history (which records who imported and when).</summary>
public static class AuditLog
{
    public const string SignIn = "sign_in";
    public const string SignInFailed = "sign_in_failed";
    public const string LockedOut = "locked_out";
    public const string SignOut = "sign_out";
    public const string UserCreated = "user_created";
    public const string UserChanged = "user_changed";
    public const string UserUnlocked = "user_unlocked";
    public const string Export = "export";

    public static async Task WriteAsync(DashboardDbContext db, TimeProvider time, string actor, string action, string target = "", string details = "", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        db.AuditLog.Add(new AuditEntry { Utc = time.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Target = target, Details = details });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The latest events, newest first: access and data events (rollbacks, erasures) and the imports of the import history.</summary>
    public static async Task<IReadOnlyList<AuditLine>> LatestAsync(DashboardDbContext db, int count, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var access = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Utc).Take(count)
            .Select(a => new AuditLine(a.Utc, a.Actor, a.Action, a.Target, a.Details)).ToListAsync(ct);
        var imports = await db.Imports.AsNoTracking().OrderByDescending(i => i.StartedUtc).Take(count).ToListAsync(ct);
        var lines = access
            .Concat(imports.Select(i => new AuditLine(i.StartedUtc, i.User, "import", $"{i.Kind} #{i.Id}",
                $"{i.FileName}: {i.Outcome}, {i.Inserted} inserted, {i.Replaced} replaced")));
        return [.. lines.OrderByDescending(l => l.Utc).Take(count)];
    }
}
