using Dashboard.Application.Analysis;
using Dashboard.Application.Preferences;
using Dashboard.Attribution.Planning;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;

namespace Dashboard.Application.Dashboards;

/// <summary>
/// A Budget scenarios page on its way: the response curves of the viewer's markets are fitted once per scope in the
/// background; the page shows <see cref="Progress"/> until <see cref="ModelAsync"/> gives the model or why none.
/// </summary>
public sealed class ScenarioOpening
{
    private readonly SnapshotAnalysis _analysis;
    private readonly AccessScope _scope;
    private readonly DisplayPreferences _preferences;
    private readonly ScenarioView _view;
    private readonly Task<ResponseModel> _fit;

    internal ScenarioOpening(SnapshotAnalysis analysis, AccessScope scope, DisplayPreferences preferences, ScenarioView view)
    {
        (_analysis, _scope, _preferences, _view) = (analysis, scope, preferences, view);
        _fit = analysis.ResponseModels.GetAsync(scope);
    }

    public bool IsReady => _fit.IsCompleted;

    /// <summary>Markets fitted of all, while the fit runs.</summary>
    public (int Done, int Total)? Progress => _analysis.ResponseModels.Progress(_scope);

    /// <returns>The model, or why no scenario can be planned for these markets.</returns>
    public async Task<(ScenarioPageModel? Model, string? Error)> ModelAsync()
    {
        try
        {
            var planner = PlannerFactory.For(await _fit, _analysis.Snapshot.Fx, _preferences.Currency);
            return (new ScenarioPageModel(planner, ResponseModelCache.KeyOf(_scope), _preferences.Format, _view), null);
        }
        catch (MetricsQueryException e)
        {
            return (null, $"No scenario can be planned: {e.Message}.");
        }
    }
}
