using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args) => DashboardDatabase.OpenSqlite(Path.Combine(Path.GetTempPath(), "dashboard-design.db"));
}
