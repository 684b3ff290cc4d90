using Dashboard.Application.Analysis;
using Dashboard.Application.Dashboards;
using Dashboard.Exports.Files;
using Dashboard.Metrics.Engine;
using Dashboard.Web.Access;
using Dashboard.Application.Formatting;
using Dashboard.Application.Exports;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Exports;

/// <summary>
/// File downloads, computed on the server within the caller's markets (never from what a browser sends), for roles
/// that may export, each one recorded in the audit log (what and for which markets, not the figures).
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/value/{table}.csv", async (HttpContext http, string table, string? currency, MetricsSnapshotStore store, UserScopes scopes,
                DownloadService downloads, CancellationToken ct) =>
            {
                if (!ValueExports.Tables.Contains(table))
                {
                    return Results.NotFound();
                }

                var analysis = await store.GetAnalysisAsync(ct);
                var scope = await scopes.ForAsync(http.User, ct);
                var chosen = await downloads.CurrencyAsync(http.User, currency, ct);
                ValuePageModel view;
                try
                {
                    view = ValuePageModel.Build(analysis, scope, chosen, Application.Filters.PeriodView.Parse(http.Request.QueryString.Value));
                }
                catch (MetricsQueryException e)
                {
                    return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
                }

                var markets = DownloadService.Markets(scope);
                var who = http.User.Identity?.Name ?? "";
                var export = ValueExports.For(table, view, [
                    ("Markets", markets), ("Currency", view.Valuation.Currency),
                    ("Data as of", Formats.Date(analysis.Snapshot.LastDay)),
                    ("Exported", downloads.ExportedLine(who)),
                ])!;
                var file = $"value-{table}-{Formats.Date(analysis.Snapshot.LastDay)}.csv";
                await downloads.RecordAsync(who, file, $"markets: {markets}; currency: {view.Valuation.Currency}", ct);
                return Results.File(CsvExport.ToBytes(export), "text/csv; charset=utf-8", file);
            })
            .RequireAuthorization(Hosting.AccessHosting.ExportPolicyName)
            .ExcludeFromDescription();

        app.MapGet("/exports/scenario.csv", async (HttpContext http, string? spend, string? period, string? currency, MetricsSnapshotStore store, UserScopes scopes,
                DownloadService downloads, CancellationToken ct) =>
            {
                var analysis = await store.GetAnalysisAsync(ct);
                var scope = await scopes.ForAsync(http.User, ct);
                var chosen = await downloads.CurrencyAsync(http.User, currency, ct);
                try
                {
                    var planner = Attribution.Planning.PlannerFactory.For(await analysis.ResponseModels.GetAsync(scope), analysis.Snapshot.Fx, chosen);
                    var result = planner.Scenario(Attribution.Planning.PlanningParameters.Spend(spend),
                        Attribution.Planning.PlanningPeriod.Parse(period, planner.Model.LastDay));
                    var markets = DownloadService.Markets(scope);
                    var who = http.User.Identity?.Name ?? "";
                    var export = ScenarioExport.For(planner, result, [
                        ("Markets", markets), ("Currency", planner.Currency), ("Curves fitted on data to", Formats.Date(planner.Model.LastDay)),
                        ("Exported", downloads.ExportedLine(who)),
                    ]);
                    var file = $"scenario-{result.Period.From:yyyy-MM-dd}-{result.Period.To:yyyy-MM-dd}.csv";
                    await downloads.RecordAsync(who, file, $"markets: {markets}; currency: {planner.Currency}", ct);
                    return Results.File(CsvExport.ToBytes(export), "text/csv; charset=utf-8", file);
                }
                catch (MetricsQueryException e)
                {
                    return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
                }
            })
            .RequireAuthorization(Hosting.AccessHosting.ExportPolicyName)
            .ExcludeFromDescription();
        return app;
    }
}
