using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.DemoSeeding;
using Dashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Dashboard.DemoData;
using Dashboard.Web.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting;

/// <summary>Before serving: bring the schema up to date and, on a database that never had an import, seed demo data.</summary>
public static class DatabaseStartup
{
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Dashboard.Startup");
        var contexts = app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        var demo = app.Services.GetRequiredService<IOptions<DemoSeedOptions>>().Value;
        var time = app.Services.GetRequiredService<TimeProvider>();
        await using var db = await contexts.CreateDbContextAsync();
        logger.LogInformation("Database: {Connection}", db.Database.GetDbConnection().DataSource);
        await DatabaseInitializer.MigrateAsync(db);
        if (demo.SeedOnStart)
        {
            await SeedDemoAsync(app, db, demo, time, logger);
        }

        // Demo users exist only in Development, next to demo data; elsewhere the first admin comes from the command line.
        if (app.Environment.IsDevelopment() && demo.SeedOnStart)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var created = await DemoUsers.SeedAsync(
                scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>(),
                scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(),
                scope.ServiceProvider.GetRequiredService<DashboardDbContext>());
            if (created > 0)
            {
                logger.LogWarning("Demo users created ({Count}), password in the README: for local use only", created);
            }
        }
        else if (!await DemoUsers.AnyUserAsync(db))
        {
            logger.LogWarning("No user exists yet: create the first admin with `dashboard users add --role admin`");
        }

        // The engine's snapshot is loaded before the first request, so no page waits for it.
        var engine = await app.Services.GetRequiredService<MetricsSnapshotStore>().RefreshAsync();
        logger.LogInformation("Metrics snapshot: {Rows} fact rows, {Bytes} bytes of columns, version {Version}",
            engine.Snapshot.FactRows, engine.Snapshot.ColumnBytes, engine.Snapshot.Version);
    }

    private static async Task SeedDemoAsync(WebApplication app, DashboardDbContext db, DemoSeedOptions demo, TimeProvider time, ILogger logger)
    {
        // Beside the SQLite file; for a server database, in the app's data folder.
        var truthFolder = db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource))!
            : Path.Combine(app.Environment.ContentRootPath, "data");
        Directory.CreateDirectory(truthFolder);
        var options = new DemoOptions(demo.ResolveEndDate(time), demo.Size);
        var progress = new LogProgress(logger);
        var result = await new DemoSeeder(db, time).SeedIfEmptyAsync(options, truthFolder, progress);
        logger.LogInformation("Demo data: {Message}", result.Message);
    }

    private sealed class LogProgress(ILogger logger) : IProgress<string>
    {
        public void Report(string value) => logger.LogInformation("Demo data: {Step}", value);
    }
}
