using System.Globalization;
using System.Text;
using Dashboard.Metrics.Query;

namespace Dashboard.Metrics.Serialization;

/// <summary>
/// A metrics answer as one CSV table: the group columns, then per measure its value and, with a comparison, the
/// comparison value and the relative change. Numbers are invariant ('.' decimal point); absent values are empty.
/// </summary>
public static class MetricsAnswerCsv
{
    public static string ToCsv(MetricsAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var measures = answer.Totals.Values.Keys.ToList();
        var compared = answer.Totals.Comparison is not null;
        var header = answer.By.Select(d => d.Key())
            .Concat(measures.SelectMany(m => compared ? new[] { m, m + "_comparison", m + "_change" } : [m]));
        var sb = new StringBuilder().AppendJoin(',', header.Select(CsvText.Quote)).Append('\n');
        // Grouped answers end with a totals line labelled "total"; an ungrouped answer is its totals line alone.
        var lines = answer.By.Count == 0
            ? [answer.Totals]
            : answer.Rows.Append(answer.Totals with { Group = answer.By.ToDictionary(d => d, _ => "total") });
        foreach (var row in lines)
        {
            var cells = answer.By.Select(d => row.Group[d])
                .Concat(measures.SelectMany(m => compared
                    ? new[] { Number(row.Values[m]), Number(row.Comparison![m]), Number(row.Change![m]) }
                    : [Number(row.Values[m])]));
            sb.AppendJoin(',', cells.Select(CsvText.Quote)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Number(MeasureValue value) => value.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
