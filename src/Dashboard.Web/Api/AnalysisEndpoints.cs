using System.Text.Json.Nodes;
using Dashboard.Application.Analysis;
using Dashboard.Attribution;
using Dashboard.Attribution.Journeys;
using Dashboard.Attribution.Lift;
using Dashboard.Attribution.Serialization;
using Dashboard.Attribution.Valuation;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;
using Dashboard.Web.Access;

namespace Dashboard.Web.Api;

/// <summary>
/// `/api/attribution`, `/api/journeys`, `/api/valuation`, `/api/lift`: the same JSON as the command line (API.md),
/// from the same services over the same snapshot. A question the services refuse is a 400 with their reason.
/// </summary>
public static class AnalysisEndpoints
{
    public static IEndpointRouteBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Attribution").RequireAuthorization(Hosting.AccessHosting.ApiPolicy);

        api.MapGet("/attribution", (HttpContext http, MetricsSnapshotStore store, string? model, string? from, string? to, string? market, string? region,
                int? lookback_days, double? half_life_days, int? order, string? currency, CancellationToken ct) =>
            Answer(http, store, (snapshot, scope) =>
            {
                var query = Scope(snapshot.Snapshot, from, to, market, region, scope) with
                {
                    LookbackDays = lookback_days ?? 30, HalfLifeDays = half_life_days ?? 7, MarkovOrder = order ?? 1, Currency = currency ?? "USD",
                };
                var key = model ?? AttributionModels.Default.Key();
                if (string.Equals(key, "all", StringComparison.OrdinalIgnoreCase))
                {
                    return AttributionJson.ToJson(snapshot.Attribution.Compare(query), query.Range);
                }

                return AttributionModels.TryParse(key, out var m)
                    ? AttributionJson.ToJson(snapshot.Attribution.Run(query with { Model = m }), query.Range)
                    : throw new MetricsQueryException($"model '{key}' is not one of {string.Join(", ", AttributionModels.All.Select(x => x.Key()))} or all");
            }, ct))
            .WithSummary("Channel credit of conversions and revenue under one attribution model, or all of them (model=all)");

        api.MapGet("/journeys", (HttpContext http, MetricsSnapshotStore store, string? from, string? to, string? market, string? region, CancellationToken ct) =>
            Answer(http, store, (snapshot, scope) =>
            {
                var query = Scope(snapshot.Snapshot, from, to, market, region, scope);
                return AttributionJson.ToJson(JourneyMeasures.Run(snapshot.Snapshot, query), query.Range);
            }, ct))
            .WithSummary("Micro-to-macro lift, micro-engagement rate and intent progression of the journeys");

        api.MapGet("/valuation", (HttpContext http, MetricsSnapshotStore store, string? from, string? to, string? market, string? region, int? max_lag_days, string? currency, CancellationToken ct) =>
            Answer(http, store, (snapshot, scope) => AttributionJson.ToJson(ValuationModel.Run(snapshot.Snapshot, new ValuationQuery
            {
                Range = from is null && to is null ? null : Range(from, to, snapshot.Snapshot.LastDay),
                Filters = Filters(market, region),
                MaxLagDays = max_lag_days ?? ValuationQuery.DefaultMaxLagDays,
                Currency = currency ?? "USD",
                Scope = scope,
            })), ct))
            .WithSummary("Revenue value of one more micro-conversion of each type, with a 90% interval");

        api.MapGet("/lift", (HttpContext http, MetricsSnapshotStore store, string test, string? outcome, string? currency, CancellationToken ct) =>
            Answer(http, store, (snapshot, scope) => AttributionJson.ToJson(
                HoldoutLift.Run(snapshot.Snapshot, test, outcome ?? HoldoutLift.RevenueOutcome, scope, currency ?? "USD")), ct))
            .WithSummary("Difference-in-differences lift of a geo holdout test with a 90% block-bootstrap interval");
        return app;
    }

    private static async Task<IResult> Answer(HttpContext http, MetricsSnapshotStore store, Func<SnapshotAnalysis, AccessScope, JsonObject> answer, CancellationToken ct)
    {
        var snapshot = await store.GetAnalysisAsync(ct);

        // The caller's markets, from their sign-in on the server: a query string cannot widen them.
        var scope = await http.RequestServices.GetRequiredService<UserScopes>().ForAsync(http.User, ct);
        try
        {
            return Results.Content(answer(snapshot, scope).ToJsonString(), "application/json");
        }
        catch (MetricsQueryException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static AttributionQuery Scope(Metrics.Snapshot.FactSnapshot snapshot, string? from, string? to, string? market, string? region, AccessScope scope) => new()
    {
        Range = Range(from, to, snapshot.LastDay),
        Filters = Filters(market, region),
        Scope = scope,
    };

    private static Dictionary<Dimension, IReadOnlyList<string>> Filters(string? market, string? region) => QueryParameters.ScopeFilters(market, region);

    private static DateRange Range(string? from, string? to, DateOnly? lastDay) => QueryParameters.Range(from, to, lastDay);
}
