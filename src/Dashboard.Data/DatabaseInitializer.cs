using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>Brings a database to the current schema and reference data; safe to run at every start.</summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(DashboardDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets the app read while an import writes; it is a property of the file, so set it once here.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await ReferenceDataSeeder.EnsureSeededAsync(db, ct);
    }
}
