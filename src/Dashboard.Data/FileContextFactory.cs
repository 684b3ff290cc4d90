using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>Contexts over one SQLite file, for tools that run without the app's dependency injection (the command line).</summary>
public sealed class FileContextFactory(string path) : IDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext() => DashboardDatabase.OpenSqlite(path);
}
