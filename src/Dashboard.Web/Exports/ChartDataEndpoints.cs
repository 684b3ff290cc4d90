using Dashboard.Application.Charts;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Exports;
using Dashboard.Application.Formatting;
using Dashboard.Exports.Files;
using Dashboard.Web.Access;

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

/// <summary>The caller's dashboard context for a file download (their scope resolved by the host), and the audit trail every download leaves.</summary>
public sealed class ExportContexts(UserScopes scopes, DownloadService downloads)
{
    public async Task<(DashboardContext Context, string Who)> ForAsync(HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var context = await downloads.ContextAsync(http.User, await scopes.ForAsync(http.User, ct), http.Request.QueryString.Value, ct);
        return (context, http.User.Identity?.Name ?? "");
    }

    /// <summary>Adds who exported the table and when to its context lines.</summary>
    public ExportTable Stamp(ExportTable table, string who) => downloads.Stamp(table, who);

    /// <summary>Recorded before the file is handed over: what and for which scope, never the figures.</summary>
    public Task AuditAsync(string who, string file, DashboardContext context, CancellationToken ct) => downloads.RecordAsync(who, file, context, ct);
}
