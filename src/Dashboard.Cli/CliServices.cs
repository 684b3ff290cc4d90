using System.CommandLine;
using Dashboard.Application.Admin;
using Dashboard.Application.Analysis;
using Dashboard.Application.Preferences;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Data.Entities;
using Dashboard.Metrics.Query;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Cli;

/// <summary>
/// The application's admin services over the command's database (migrated first), with the app's identity rules and
/// the command line as the actor: a command runs the task the admin pages run, with the same rules and audit entries.
/// </summary>
internal static class CliServices
{
    /// <summary>Who the audit log and the import history name for a command's changes.</summary>
    public const string Actor = "command line";

    public static Task<ServiceProvider> ApplicationAsync(CliContext cli, ParseResult parse, CancellationToken ct) => ApplicationAsync(cli, parse, false, ct);

    /// <param name="figures">Hold the data's figures as the app does (a calibration reads them and refits after its change).</param>
    public static async Task<ServiceProvider> ApplicationAsync(CliContext cli, ParseResult parse, bool figures, CancellationToken ct)
    {
        await (await cli.OpenAsync(parse, ct)).DisposeAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped(_ => new DashboardDbContext(cli.Options(parse)));
        services.AddSingleton<IDbContextFactory<DashboardDbContext>>(new PooledDbContextFactory<DashboardDbContext>(cli.Options(parse)));
        services.AddIdentityCore<DashboardUser>(IdentityRules.Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<DashboardDbContext>();
        services.AddSingleton(cli.Time);
        services.AddSingleton<IViewer>(new CommandLineViewer());
        if (figures)
        {
            services.AddSingleton<MetricsSnapshotStore>();
            services.AddSingleton<IAnalysisSource>(sp => sp.GetRequiredService<MetricsSnapshotStore>());
            services.AddSingleton<ISnapshotRefresh>(sp => sp.GetRequiredService<MetricsSnapshotStore>());
            services.AddSingleton<CalibrationsService>();
        }
        else
        {
            services.AddSingleton<ISnapshotRefresh>(new NoFiguresHeld());
        }

        services.AddSingleton<UsersService>();
        services.AddSingleton<ApiKeysService>();
        services.AddSingleton<ErasureService>();
        services.AddSingleton<Application.Imports.RollbackService>();
        services.AddSingleton<Application.Imports.SourceTemplatesService>();
        return services.BuildServiceProvider();
    }

    /// <summary>A command holds no loaded figures: a running app sees the change at its next poll of the data version.</summary>
    private sealed class NoFiguresHeld : ISnapshotRefresh
    {
        public Task RefreshAsync(CancellationToken ct = default) => Task.CompletedTask;
    }

    private sealed class CommandLineViewer : IViewer
    {
        public Task<AccessScope> ScopeAsync() => Task.FromResult(AccessScope.All);

        public Task<DisplayPreferences> PreferencesAsync() => Task.FromResult(DisplayPreferences.Default);

        public Task<string> ActorAsync() => Task.FromResult(Actor);
    }
}
