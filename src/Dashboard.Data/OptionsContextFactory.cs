using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>Contexts over fixed options, for tools that run without the app's dependency injection (the command line).</summary>
public sealed class OptionsContextFactory(DbContextOptions<DashboardDbContext> options) : IDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext() => new(options);
}
