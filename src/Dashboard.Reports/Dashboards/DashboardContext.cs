using Dashboard.Metrics.Query;
using Dashboard.Data.Snapshots;
using Dashboard.Reports.Filters;
using Dashboard.Reports.Preferences;

namespace Dashboard.Reports.Dashboards;

/// <summary>What a dashboard computes from: the snapshot, the user's markets and preferences, the view from the URL.</summary>
public sealed record DashboardContext(SnapshotAnalysis Analysis, AccessScope Scope, DisplayPreferences Preferences, DashboardView View, TimeProvider Time);
