using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Data.Postgres;

/// <summary>For `dotnet ef migrations add … --project src/Dashboard.Data.Postgres`: the model on PostgreSQL (no server is contacted).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args) =>
        DashboardDatabase.OpenPostgres("Host=127.0.0.1;Database=dashboard_design;Username=dashboard");
}
