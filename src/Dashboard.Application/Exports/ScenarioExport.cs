using Dashboard.Attribution.Planning;

namespace Dashboard.Application.Exports;

/// <summary>A budget scenario as a table: per channel its spend and prediction against the current plan, then the totals.</summary>
public static class ScenarioExport
{
    public static ExportTable For(BudgetPlanner planner, ScenarioResult result, IReadOnlyList<(string Name, string Value)> context)
    {
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(result);
        var currency = result.Currency;
        var days = result.Period.Days;
        var rows = new List<object?[]>();
        foreach (var channel in planner.Model.Channels)
        {
            rows.Add([channel.Name, channel.Channel, planner.CurrentSpend[channel.Channel], result.Predicted.SpendPerDay[channel.Channel],
                result.Predicted.MarginalRoi.GetValueOrDefault(channel.Channel), null, null, null]);
        }

        var (p, b) = (result.Predicted, result.Baseline);
        rows.Add(["Total", "", b.TotalSpendPerDay, p.TotalSpendPerDay, null, p.PredictedRevenue.Value, p.PredictedRevenue.Low, p.PredictedRevenue.High]);
        rows.Add(["Current plan", "", b.TotalSpendPerDay, b.TotalSpendPerDay, null, b.PredictedRevenue.Value, b.PredictedRevenue.Low, b.PredictedRevenue.High]);
        rows.Add(["Media revenue", "", null, null, null, p.IncrementalRevenue.Value, p.IncrementalRevenue.Low, p.IncrementalRevenue.High]);
        rows.Add(["Media ROI (incremental)", "", null, null, null, p.IncrementalRoi.Value, p.IncrementalRoi.Low, p.IncrementalRoi.High]);
        foreach (var (group, actions) in p.MicroConversionsByIntent)
        {
            rows.Add([$"{group} intent micro-conversions", "", null, null, null, actions, null, null]);
        }

        return new ExportTable($"Budget scenario, {result.Period.From:yyyy-MM-dd} to {result.Period.To:yyyy-MM-dd} ({days} days)", context,
        [
            new("Line", ExportCellKind.Text), new("Channel key", ExportCellKind.Text),
            new("Current spend per day", ExportCellKind.Number, currency), new("Scenario spend per day", ExportCellKind.Number, currency),
            new("Marginal ROI", ExportCellKind.Number), new("Predicted over the period", ExportCellKind.Number),
            new("90% low", ExportCellKind.Number), new("90% high", ExportCellKind.Number),
        ], rows);
    }
}
