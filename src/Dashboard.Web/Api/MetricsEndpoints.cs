using Dashboard.Application.Analysis;
using Dashboard.Attribution;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Serialization;
using Dashboard.Metrics.Time;
using Dashboard.Web.Access;

namespace Dashboard.Web.Api;

/// <summary>
/// <c>GET /api/metrics</c>: the engine's answer with the query and JSON (or CSV) of <c>dashboard metrics</c> (API.md),
/// within the caller's markets.
/// </summary>
public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/metrics", async (HttpContext http, MetricsSnapshotStore store, UserScopes scopes, string measures, string? by, string[]? filter,
                string? from, string? to, string? market, string? region, string? compare, bool? match_weekday, string? currency, string? model,
                string? format, CancellationToken ct) =>
            {
                var analysis = await store.GetAnalysisAsync(ct);
                var scope = await scopes.ForAsync(http.User, ct);
                try
                {
                    var filters = new Dictionary<Dimension, IReadOnlyList<string>>();
                    foreach (var item in filter ?? [])
                    {
                        var eq = item.IndexOf('=', StringComparison.Ordinal);
                        if (eq <= 0)
                        {
                            throw new MetricsQueryException($"filter '{item}' is not key=v1,v2");
                        }

                        filters[Parse(item[..eq])] = QueryParameters.List(item[(eq + 1)..]);
                    }

                    foreach (var (dimension, values) in QueryParameters.ScopeFilters(market, region))
                    {
                        filters[dimension] = values;
                    }

                    var comparison = Comparison.None;
                    if (compare is not null && !Comparisons.TryParse(compare, out comparison))
                    {
                        throw new MetricsQueryException($"compare '{compare}' is not previous or year");
                    }

                    var query = new MetricsQuery
                    {
                        Range = QueryParameters.Range(from, to, analysis.Snapshot.LastDay, ""),
                        Measures = QueryParameters.List(measures),
                        By = by is null ? [] : [.. QueryParameters.List(by).Select(Parse)],
                        Filters = filters,
                        Compare = comparison,
                        MatchWeekday = match_weekday ?? false,
                        Currency = currency ?? "USD",
                        AttributionModel = model ?? AttributionModels.Default.Key(),
                        Scope = scope,
                    };
                    var answer = analysis.Engine.Run(query);
                    return (format ?? "json") switch
                    {
                        "json" => Results.Content(MetricsAnswerJson.ToJson(answer).ToJsonString(), "application/json"),
                        "csv" => Results.Content(MetricsAnswerCsv.ToCsv(answer), "text/csv; charset=utf-8"),
                        var other => throw new MetricsQueryException($"format '{other}' is not json or csv"),
                    };
                }
                catch (Exception ex) when (ex is MetricsQueryException or FormatException or ArgumentException)
                {
                    return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
                }
            })
            .WithTags("Metrics")
            .RequireAuthorization(Hosting.AccessHosting.ApiPolicy)
            .WithSummary("Measures for a date range, filtered and grouped (filter=key=v1,v2 repeatable; compare=previous|year): the JSON of `dashboard metrics`");
        return app;
    }

    private static Dimension Parse(string key) =>
        Dimensions.TryParse(key.Trim(), out var d) ? d : throw new MetricsQueryException($"'{key}' is not a dimension");
}
