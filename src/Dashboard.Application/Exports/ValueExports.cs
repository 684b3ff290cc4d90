using Dashboard.Application.Dashboards;
using Dashboard.Application.Formatting;

namespace Dashboard.Application.Exports;

/// <summary>The micro-conversion value page's tables as files: the same <see cref="ValuePageModel"/> the page shows.</summary>
public static class ValueExports
{
    public static IReadOnlyList<string> Tables { get; } = ["types", "channels", "campaigns", "reasons"];

    /// <param name="context">Markets, currency, who and when: lines every file of the page carries.</param>
    public static ExportTable? For(string table, ValuePageModel view, IReadOnlyList<(string Name, string Value)> context)
    {
        ArgumentNullException.ThrowIfNull(view);
        var currency = view.Valuation.Currency;
        var recent = view.Recent is { } r ? $"{Formats.Date(r.From)} to {Formats.Date(r.To)}" : "no data";
        return table switch
        {
            "types" => new ExportTable(
                "Value per micro-conversion type",
                [("Fitted on", $"{Formats.Date(view.Valuation.Range.From)} to {Formats.Date(view.Valuation.Range.To)}, all markets pooled"),
                    ("Verdict", view.Verdict.Headline), .. context],
                [
                    new("Type", ExportCellKind.Text), new("Key", ExportCellKind.Text), new("Value per action", ExportCellKind.Number, currency),
                    new("90% interval low", ExportCellKind.Number, currency), new("90% interval high", ExportCellKind.Number, currency),
                    new("Actions", ExportCellKind.Number), new("Engagement value", ExportCellKind.Number, currency),
                    new("Valued", ExportCellKind.Text), new("Why absent", ExportCellKind.Text),
                ],
                [.. view.Valuation.Events.OrderByDescending(e => e.Value ?? double.MinValue).Select(e => new object?[]
                {
                    e.Name, e.Event, e.Value, e.Low, e.High, (double)e.Volume, e.EngagementValue,
                    ValueVerdict.Valued(e), e.AbsentReason,
                })]),
            "channels" => Engagement("Engagement value by channel", "Channel", view.Channels, currency, [("Period", recent), .. context]),
            "campaigns" => Engagement("Engagement value by campaign", "Campaign", view.Campaigns, currency, [("Period", recent), .. context]),
            "reasons" => new ExportTable(
                "Survey answers by micro-conversion type",
                [("Period", $"{Formats.Date(view.Valuation.Range.From)} to {Formats.Date(view.Valuation.Range.To)}"), .. context],
                [
                    new("Type", ExportCellKind.Text), new("Key", ExportCellKind.Text), new("Answers", ExportCellKind.Number),
                    new("Mean score", ExportCellKind.Number, "1 to 5"), new("Reason", ExportCellKind.Text), new("Answers giving it", ExportCellKind.Number),
                ],
                [.. view.Surveys.Where(s => s.Responses > 0).SelectMany(s => s.TopReasons.Select(r => new object?[]
                {
                    s.Name, s.Event, (double)s.Responses, s.MeanScore, r.Reason, (double)r.Responses,
                }))]),
            _ => null,
        };
    }

    private static ExportTable Engagement(string title, string what, IReadOnlyList<EngagementRow> rows, string currency, IReadOnlyList<(string, string)> context) =>
        new(title, context,
            [new(what, ExportCellKind.Text), new("Key", ExportCellKind.Text), new("Engagement value", ExportCellKind.Number, currency), new("Micro-conversions", ExportCellKind.Number)],
            [.. rows.Select(r => new object?[] { r.Name, r.Key, r.Value, r.Actions })]);
}
