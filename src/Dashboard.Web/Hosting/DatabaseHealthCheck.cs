using System.Text.Json;
using Dashboard.Application.Analysis;
using Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Hosting;

/// <summary>Healthy when the database answers a query; reports the provider and how many imports it holds.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<DashboardDbContext> contexts, MetricsSnapshotStore snapshots) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var imports = await db.Imports.CountAsync(cancellationToken);
            var provider = db.Database.IsSqlite() ? "sqlite" : db.Database.IsNpgsql() ? "postgres" : db.Database.ProviderName ?? "unknown";
            var engine = await snapshots.GetAsync(cancellationToken);
            return HealthCheckResult.Healthy("database answers", new Dictionary<string, object>
            {
                ["provider"] = provider,
                ["imports"] = imports,
                ["data_version"] = engine.Snapshot.Version,
                ["snapshot_fact_rows"] = engine.Snapshot.FactRows,
            });
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("database does not answer: " + ex.Message);
        }
    }

    public static Task WriteResponseAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString().ToLowerInvariant(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
