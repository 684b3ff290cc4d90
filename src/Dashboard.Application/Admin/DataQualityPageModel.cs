using Dashboard.Application.Analysis;
using Dashboard.Application.Dashboards;
using Dashboard.Data.Quality;
using Microsoft.Extensions.Options;

namespace Dashboard.Application.Admin;

/// <summary>How late a feed is against its source's limit.</summary>
public enum FeedState
{
    OnTime,
    Late,
    Stale,
}

/// <summary>One feed's last date, its lag behind today and what that lag means.</summary>
public sealed record FeedFreshness(Freshness Feed, int Lag, FeedState State);

/// <summary>
/// The Data quality page: each feed's freshness classified against its source's limit (late past it, stale past twice
/// it), most late first; the stored-data findings; the days of implausibly high engagement.
/// </summary>
public sealed record DataQualityPageModel(
    DateOnly Today,
    DataQualityOptions Options,
    IReadOnlyList<FeedFreshness> Feeds,
    StoredDataFindings Findings,
    IReadOnlyList<InflatedDay> Inflated)
{
    /// <summary>How many feeds are on time, late and stale (only the states there are, in that order).</summary>
    public IReadOnlyList<(FeedState State, int Count)> Counts =>
        [.. Feeds.GroupBy(f => f.State).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))];

    public static FeedState Classify(int lag, int limit) => lag <= limit ? FeedState.OnTime : lag <= 2 * limit ? FeedState.Late : FeedState.Stale;

    public static string Describe(FeedState state) => state switch
    {
        FeedState.OnTime => "on time",
        FeedState.Late => "late",
        _ => "stale",
    };

    public static DataQualityPageModel Build(DateOnly today, DataQualityOptions options, StoredDataFindings findings, IReadOnlyList<InflatedDay> inflated)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(findings);
        var feeds = findings.Freshness
            .Select(f => (f, Lag: today.DayNumber - f.Last.DayNumber))
            .Select(x => new FeedFreshness(x.f, x.Lag, Classify(x.Lag, options.LagLimit(x.f.Source))))
            .OrderByDescending(x => x.Lag).ThenBy(x => x.Feed.Kind, StringComparer.Ordinal).ThenBy(x => x.Feed.Market, StringComparer.Ordinal)
            .ToList();
        return new DataQualityPageModel(today, options, feeds, findings, inflated);
    }

    /// <summary>The Rows page filtered to what a finding is about.</summary>
    public static string RowsLink(string kind, params (string Column, string Value)[] filters) =>
        "/data/rows?kind=" + Uri.EscapeDataString(kind) + string.Concat(filters.Where(f => f.Column is not null)
            .Select(f => "&" + Uri.EscapeDataString(f.Column) + "=" + Uri.EscapeDataString(f.Value)));
}

/// <summary>Loads the Data quality page: the stored-data checks, the engine's inflation rule, today from the clock.</summary>
public sealed class DataQualityService(DataQualityChecks checks, IAnalysisSource analyses, IOptions<DataQualityOptions> options, TimeProvider time)
{
    public async Task<DataQualityPageModel> LoadAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var findings = await checks.RunAsync(ct);
        var inflated = EngagementInflation.Find(await analyses.GetAnalysisAsync(ct), options.Value.InflationDeviations);
        return DataQualityPageModel.Build(today, options.Value, findings, inflated);
    }
}
