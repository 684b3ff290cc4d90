using Dashboard.Application.Analysis;
using Dashboard.Data.Access;
using Dashboard.Metrics.Query;
using Dashboard.Application.Filters;
using Dashboard.Application.Preferences;

namespace Dashboard.Application.Dashboards;

/// <summary>
/// A dashboard's context outside a page (a download, a deck, a schedule, the command line), built as a page builds
/// it: the view from a query string, narrowed to what the scope offers, in the user's stored currency and format.
/// </summary>
public static class DashboardContexts
{
    public static DashboardContext Create(SnapshotAnalysis analysis, AccessScope scope, StoredPreferences preferences, string? query, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(preferences);
        return Create(analysis, scope, DisplayPreferences.From(preferences, analysis.Snapshot.Fx), query, time);
    }

    /// <summary>For a circuit, whose preferences are already resolved.</summary>
    public static DashboardContext Create(SnapshotAnalysis analysis, AccessScope scope, DisplayPreferences preferences, string? query, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(time);
        var view = FilterOptions.For(analysis.Snapshot.Reference, scope).Restrict(DashboardView.Parse(query));
        return new DashboardContext(analysis, scope, preferences, view, time);
    }

    /// <summary>A page's opening for a viewer: what its filters offer them, and the context of the URL's view narrowed to that offer.</summary>
    public static async Task<(FilterOptions Options, DashboardContext Context)> OpenAsync(IAnalysisSource source, IViewer viewer, string? query, TimeProvider time,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(viewer);
        var analysis = await source.GetAnalysisAsync(ct);
        var scope = await viewer.ScopeAsync();
        var options = FilterOptions.For(analysis.Snapshot.Reference, scope);
        var view = options.Restrict(DashboardView.Parse(query));
        return (options, new DashboardContext(analysis, scope, await viewer.PreferencesAsync(), view, time));
    }
}
