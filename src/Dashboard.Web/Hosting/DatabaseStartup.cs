using Dashboard.Data;
using Dashboard.Data.Demo;
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
        if (!demo.SeedOnStart)
        {
            return;
        }

        var dataSource = db.Database.GetDbConnection().DataSource;
        var truthFolder = Path.GetDirectoryName(Path.GetFullPath(dataSource)) ?? app.Environment.ContentRootPath;
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
