using Dashboard.Application.Analysis;
using Dashboard.Metrics.Query;
using Dashboard.Application.Filters;
using Dashboard.Application.Preferences;

namespace Dashboard.Application.Dashboards;

/// <summary>What a dashboard computes from: the snapshot, the user's markets and preferences, the view from the URL.</summary>
public sealed record DashboardContext(SnapshotAnalysis Analysis, AccessScope Scope, DisplayPreferences Preferences, DashboardView View, TimeProvider Time);
