using System.Text.Json.Nodes;
using Dashboard.Application.Analysis;
using Dashboard.Attribution.Incremental;
using Dashboard.Attribution.Planning;
using Dashboard.Attribution.Serialization;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Web.Access;

namespace Dashboard.Web.Api;

/// <summary>
/// `/api/scenario` and `/api/optimize`: the same JSON as `dashboard scenario` and `dashboard optimize` (API.md), on
/// response curves fitted from the caller's markets only.
/// </summary>
public static class PlanningEndpoints
{
    public static IEndpointRouteBuilder MapPlanningEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Budget planning").RequireAuthorization(Hosting.AccessHosting.ApiPolicy);

        api.MapGet("/scenario", (HttpContext http, MetricsSnapshotStore store, string? spend, string? period, string? currency, CancellationToken ct) =>
            AnswerAsync(http, store, currency, planner =>
                PlanningJson.ToJson(planner.Scenario(PlanningParameters.Spend(spend), PlanningPeriod.Parse(period, planner.Model.LastDay))), ct))
            .WithSummary("Predicted revenue, micro-conversions and ROI of a spend plan (spend=channel=amount,… per day) against the current plan");

        api.MapGet("/optimize", (HttpContext http, MetricsSnapshotStore store, double? budget, double? target_revenue, double? roas_floor, string? mode,
                string? bounds, string? period, string? currency, CancellationToken ct) =>
            AnswerAsync(http, store, currency, planner =>
            {
                if ((budget is null ? 0 : 1) + (target_revenue is null ? 0 : 1) + (roas_floor is null ? 0 : 1) != 1)
                {
                    throw new MetricsQueryException("give exactly one of budget, target_revenue and roas_floor");
                }

                var chosen = target_revenue is not null ? OptimizeMode.TargetRevenue : roas_floor is not null ? OptimizeMode.RoasFloor
                    : (mode ?? "revenue").Trim().ToLowerInvariant() switch
                    {
                        "revenue" => OptimizeMode.Revenue,
                        "profit" => OptimizeMode.Profit,
                        var other => throw new MetricsQueryException($"mode '{other}' is not revenue or profit"),
                    };
                return PlanningJson.ToJson(planner.Optimize(new OptimizeRequest(chosen, PlanningPeriod.Parse(period, planner.Model.LastDay),
                    budget, target_revenue, roas_floor, PlanningParameters.Bounds(bounds))));
            }, ct))
            .WithSummary("Recommended spend per channel: most revenue or profit for a budget, the budget for a revenue target, or the budget for a ROAS floor");
        api.MapGet("/contributions", async (HttpContext http, MetricsSnapshotStore store, string? from, string? to, string? market, string? model, string? currency, CancellationToken ct) =>
            {
                var analysis = await store.GetAnalysisAsync(ct);
                var scope = await http.RequestServices.GetRequiredService<UserScopes>().ForAsync(http.User, ct);
                try
                {
                    var result = await Contributions.RunAsync(model, () => analysis.ResponseModels.GetAsync(scope), () => analysis.ResponseModels.GetRevenueOnlyAsync(scope),
                        analysis.Snapshot.Fx, currency ?? "USD",
                        from is null ? null : QueryParameters.Date(from, "from"), to is null ? null : QueryParameters.Date(to, "to"),
                        market is null ? null : QueryParameters.List(market).ToHashSet(StringComparer.OrdinalIgnoreCase));
                    return Results.Content(ContributionsJson.ToJson(result).ToJsonString(), "application/json");
                }
                catch (MetricsQueryException e)
                {
                    return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
                }
            })
            .WithSummary("What each paid channel added to revenue over the period (incremental, not attributed), with 90% intervals");
        return app;
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, MetricsSnapshotStore store, string? currency, Func<BudgetPlanner, JsonObject> answer, CancellationToken ct)
    {
        var analysis = await store.GetAnalysisAsync(ct);

        // The caller's markets, from their sign-in on the server: a query string cannot widen them.
        var scope = await http.RequestServices.GetRequiredService<UserScopes>().ForAsync(http.User, ct);
        try
        {
            var model = await analysis.ResponseModels.GetAsync(scope);
            return Results.Content(answer(PlannerFactory.For(model, analysis.Snapshot.Fx, currency ?? "USD")).ToJsonString(), "application/json");
        }
        catch (MetricsQueryException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
