using System.Security.Claims;
using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Application.Charts;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Exports;
using Dashboard.Application.Formatting;
using Dashboard.Exports.Files;
using Dashboard.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Exports;

/// <summary>
/// A chart's figures as CSV, and a page's charts as one XLSX workbook (a sheet per chart), computed on the server for
/// the view in the query string within the caller's markets, as the page computes them.
/// </summary>
public static class ChartDataEndpoints
{
    public static IEndpointRouteBuilder MapChartDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/charts/{page}/{chart}.csv", async (HttpContext http, string page, string chart, ExportContexts contexts, CancellationToken ct) =>
            {
                if (ReportPages.Find(page) is not { } found)
                {
                    return Results.NotFound();
                }

                var (context, who) = await contexts.ForAsync(http, ct);
                var figure = found.Build(context)?.Charts.FirstOrDefault(c => c.Id == chart);
                if (figure is null)
                {
                    return Results.NotFound();
                }

                var file = $"{found.Key}-{figure.Id}-{Formats.Date(context.Analysis.Snapshot.LastDay)}.csv";
                await contexts.AuditAsync(who, file, context, ct);
                return Results.File(CsvExport.ToBytes(contexts.Stamp(figure.Table, who)), "text/csv; charset=utf-8", file);
            })
            .RequireAuthorization(Hosting.AccessHosting.ExportPolicyName)
            .ExcludeFromDescription();

        app.MapGet("/exports/charts/{page}.xlsx", async (HttpContext http, string page, ExportContexts contexts, CancellationToken ct) =>
            {
                if (ReportPages.Find(page) is not { } found)
                {
                    return Results.NotFound();
                }

                var (context, who) = await contexts.ForAsync(http, ct);
                if (found.Build(context) is not { Charts.Count: > 0 } report)
                {
                    return Results.Problem("There is no data for this view.", statusCode: StatusCodes.Status404NotFound);
                }

                var file = $"{found.Key}-{Formats.Date(context.Analysis.Snapshot.LastDay)}.xlsx";
                await contexts.AuditAsync(who, file, context, ct);
                return Results.File(XlsxExport.ToBytes([.. report.Charts.Select(c => contexts.Stamp(c.Table, who))]), XlsxExport.ContentType, file);
            })
            .RequireAuthorization(Hosting.AccessHosting.ExportPolicyName)
            .ExcludeFromDescription();
        return app;
    }
}

/// <summary>The caller's dashboard context for a file download, and the audit trail every download leaves.</summary>
public sealed class ExportContexts(MetricsSnapshotStore store, UserScopes scopes, IDbContextFactory<DashboardDbContext> contexts, TimeProvider time)
{
    public async Task<(DashboardContext Context, string Who)> ForAsync(HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var user = http.User;
        var analysis = await store.GetAnalysisAsync(ct);
        var scope = await scopes.ForAsync(user, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var stored = id is null ? new StoredPreferences(null, null) : await UserPreferencesStore.GetAsync(db, id, ct);
        return (DashboardContexts.Create(analysis, scope, stored, http.Request.QueryString.Value, time), user.Identity?.Name ?? "");
    }

    /// <summary>Adds who exported the table and when to its context lines.</summary>
    public ExportTable Stamp(ExportTable table, string who)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Stamped(who, time.GetUtcNow());
    }

    /// <summary>Recorded before the file is handed over: what and for which scope, never the figures.</summary>
    public async Task AuditAsync(string who, string file, DashboardContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await AuditLog.WriteAsync(db, time, who, AuditLog.Export, file, $"{ChartScope.Filters(context)}; {context.Preferences.Currency}", ct);
    }
}
