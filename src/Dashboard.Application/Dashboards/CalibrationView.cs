using System.Globalization;
using Dashboard.Application.Analysis;
using Dashboard.Application.Charts;
using Dashboard.Application.Formatting;
using Dashboard.Application.Preferences;
using Dashboard.Attribution.Incremental;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Application.Dashboards;

/// <summary>
/// The Experiments page's calibration section for a test of one channel: whether the test calibrates the channel's curve
/// in the viewer's media model, what it did there (the test's cells before and after, the channel's incremental figure
/// over the data's last 91 days before and after) and the curves. Money in the viewer's currency.
/// </summary>
public sealed record CalibrationView(
    string Test,
    string Channel,
    string ChannelName,
    bool Stored,
    CalibrationResult? Result,
    IncrementalFigure? ChannelBefore,
    IncrementalFigure? ChannelAfter,
    ChartFigure? Figure,
    string Currency,
    double UsdPerUnit)
{
    public const int FigureDays = 91;

    /// <summary>What a director reads first.</summary>
    public string Summary(NumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (!Stored)
        {
            return $"This test does not calibrate {ChannelName}'s response curve: the media model's figures for {ChannelName} rest on its spend and tracked actions alone.";
        }

        if (Result is not { } r)
        {
            return $"This test is stored to calibrate {ChannelName}'s curve; the media model is being fitted.";
        }

        if (!r.Applied)
        {
            return $"This test is stored to calibrate {ChannelName}'s curve but was not applied here: {r.Problem}.";
        }

        string Money(double usd) => format.Whole(usd / UsdPerUnit);
        var reach = r.SpendChange < Calibration.DarkBelow
            ? $"A test that went dark measures what {ChannelName}'s spend adds, the figure shown on every page."
            : $"A test of extra spend measures what more spend adds; {ChannelName}'s figure for all its spend follows it less surely than it would a test that went dark.";
        return string.Create(CultureInfo.InvariantCulture,
            $"{ChannelName}'s curve is calibrated by this test. For the test's markets and weeks the model predicted {Money(r.Before!.Value)} {Currency} "
            + $"of added revenue before calibration and {Money(r.After!.Value)} after; the test measured {Money(r.Measured.Value)} "
            + $"({Money(r.Measured.Low)} to {Money(r.Measured.High)}). The curve keeps its shape and is scaled to meet the test; its figures' bands now carry the test's precision. {reach}");
    }

    /// <summary>Starts the scope's media model fit (prerendering sends the page without waiting for it).</summary>
    public static void StartFit(SnapshotAnalysis analysis, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        _ = analysis.ResponseModels.GetAsync(scope);
    }

    public static async Task<CalibrationView?> BuildAsync(SnapshotAnalysis analysis, AccessScope scope, HoldoutTestDefinition test, DisplayPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(preferences);
        var snapshot = analysis.Snapshot;
        if (test.Channel.Length == 0 || snapshot.Reference.Channels.FirstOrDefault(c => c.Key == test.Channel) is not { IsPaid: true } channel)
        {
            return null;
        }

        var model = await analysis.ResponseModels.GetAsync(scope);
        var rate = snapshot.Fx.Resolve(preferences.Currency.ToUpperInvariant(), Metrics.Snapshot.FxRates.MonthIndex(model.LastDay));
        var (currency, usdPerUnit) = rate.Source == Metrics.Snapshot.FxRateSource.Missing ? ("USD", 1.0) : (preferences.Currency.ToUpperInvariant(), rate.UsdPerUnit);
        var stored = snapshot.Calibrations.Any(c => c.Test == test.Test);
        var result = model.Calibrations.FirstOrDefault(r => r.Test == test.Test);
        var effect = Calibration.Effects(model, model.LastDay.AddDays(1 - FigureDays), model.LastDay).FirstOrDefault(e => e.Result.Test == test.Test);
        var curve = result is null ? null : Calibration.Curve(model, result);
        return new CalibrationView(test.Test, channel.Key, channel.Name, stored, result, effect?.Before, effect?.After,
            curve is null ? null : CalibrationCharts.Curve(curve, channel.Name, currency, usdPerUnit, preferences.Format), currency, usdPerUnit);
    }
}
