using Dashboard.Application.Analysis;
using Dashboard.Application.Charts;
using Dashboard.Application.Preferences;
using Dashboard.Attribution.Lift;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;

namespace Dashboard.Application.Dashboards;

/// <summary>
/// The Experiments page: the holdout tests the user may see, the outcomes a test can be read on, and the chosen
/// test's lift on the chosen outcome (difference-in-differences with its interval), its verdict and its figure.
/// </summary>
public sealed record ExperimentsPageModel(
    ExperimentsView View,
    IReadOnlyList<string> Tests,
    IReadOnlyList<(string Key, string Name)> Outcomes,
    HoldoutLiftResult? Result,
    string? Error,
    ChartFigure? Figure,
    DateOnly? DataAsOf)
{
    /// <summary>The outcome as a sentence names it: "revenue (EUR)" or the micro-conversion's name in lower case.</summary>
    public string OutcomeName => Result?.Currency is { } currency ? $"revenue ({currency})"
        : Outcomes.FirstOrDefault(o => o.Key == View.Outcome).Name?.ToLowerInvariant() ?? View.Outcome;

    /// <summary>What the interval says, for a director.</summary>
    public string? Verdict => Result is not { } r ? null : r.Significant
        ? $"The 90% interval of the lift lies entirely {(r.Low > 0 ? "above" : "below")} zero: the test markets moved {(r.Lift > 0 ? "up" : "down")} relative to the controls by more than week-to-week noise explains."
        : "The 90% interval of the lift includes zero: the difference between test and control markets is within week-to-week noise.";

    public static ExperimentsPageModel Build(SnapshotAnalysis analysis, AccessScope scope, DisplayPreferences preferences, ExperimentsView view)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentNullException.ThrowIfNull(view);
        var snapshot = analysis.Snapshot;
        var tests = HoldoutLift.Tests(snapshot, scope).Select(t => t.Test).ToList();
        IReadOnlyList<(string Key, string Name)> outcomes = [(ExperimentsView.Revenue, "Revenue"), .. snapshot.Reference.Events.Select(e => (e.Key, e.Name))];
        // A link naming a test the user may not see, or an outcome there is not, opens the first test on revenue.
        var shown = new ExperimentsView(
            view.Test is { } t && tests.Contains(t) ? t : tests.FirstOrDefault(),
            outcomes.Any(o => o.Key == view.Outcome) ? view.Outcome : ExperimentsView.Revenue);
        if (shown.Test is null)
        {
            return new ExperimentsPageModel(shown, tests, outcomes, null, null, null, snapshot.LastDay);
        }

        try
        {
            var result = HoldoutLift.Run(snapshot, shown.Test, shown.Outcome, scope, preferences.Currency);
            var model = new ExperimentsPageModel(shown, tests, outcomes, result, null, null, snapshot.LastDay);
            return model with { Figure = LiftCharts.Series(result, model.OutcomeName, preferences.Format) };
        }
        catch (MetricsQueryException e)
        {
            return new ExperimentsPageModel(shown, tests, outcomes, null, e.Message, null, snapshot.LastDay);
        }
    }
}
