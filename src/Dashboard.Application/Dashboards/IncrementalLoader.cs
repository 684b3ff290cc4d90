using Dashboard.Application.Analysis;
using Dashboard.Application.Filters;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Application.Dashboards;

/// <summary>
/// A page's incremental figures on their way: they wait for the scope's media model (fitted once in the background and
/// shared with Budget scenarios), so the rest of the page renders first and this shows the fit's progress until then.
/// Only the latest request's answer is kept (a filter changed while the fit ran).
/// </summary>
public sealed class IncrementalLoader
{
    private int _request;

    public IncrementalPanel? Panel { get; private set; }

    /// <summary>Why there are no figures (the dates outside the model, no rates, no model).</summary>
    public string? Absent { get; private set; }

    /// <summary>(channels fitted, channels) while the model is fitted.</summary>
    public (int Done, int Total)? Progress { get; private set; }

    /// <param name="interactive">False while prerendering: the HTML goes out with the progress, the circuit waits.</param>
    /// <param name="changed">Called on the renderer when there is something new to show.</param>
    /// <param name="campaigns">Also the campaigns with the most spend on the dates.</param>
    public Task LoadAsync(DashboardContext context, DateRange range, bool interactive, Func<Task> changed, bool campaigns = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        return LoadAsync(context.Analysis, context.Scope, context.View, context.Preferences.Currency, range, interactive, changed, campaigns);
    }

    /// <param name="view">The page's markets and channels (<see cref="DashboardView.Default"/>: all of the scope's).</param>
    public async Task LoadAsync(SnapshotAnalysis analysis, AccessScope scope, DashboardView view, string currency, DateRange range, bool interactive, Func<Task> changed,
        bool campaigns = false)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(changed);
        var request = ++_request;
        (Panel, Absent) = (null, null);
        var models = analysis.ResponseModels;
        var fit = models.GetAsync(scope);
        if (!fit.IsCompleted && !interactive)
        {
            return;
        }

        using var poll = fit.IsCompleted ? null : new Timer(_ =>
        {
            Progress = models.Progress(scope);
            _ = changed();
        }, null, 250, 250);
        try
        {
            var model = await fit;
            var (panel, absent) = await Task.Run(() => IncrementalPanel.Build(model, analysis.Snapshot, range, view, currency, campaigns));
            if (request == _request)
            {
                (Panel, Absent) = (panel, absent);
            }
        }
        catch (MetricsQueryException e)
        {
            if (request == _request)
            {
                Absent = e.Message;
            }
        }

        if (request == _request)
        {
            await changed();
        }
    }
}
