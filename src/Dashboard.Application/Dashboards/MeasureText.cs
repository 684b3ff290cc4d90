using Dashboard.Metrics.Catalogue;
using Dashboard.Application.Formatting;

namespace Dashboard.Application.Dashboards;

/// <summary>A measure's value and change as text, by its unit, in the user's number format: one wording for cards and tables.</summary>
public static class MeasureText
{
    /// <param name="compact">Shorten large counts and money (87.7 M) for cards.</param>
    public static string Value(MeasureDefinition measure, double? value, NumberFormat format, string currency, bool compact = false)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(format);
        if (value is not { } v)
        {
            return "—";
        }

        return measure.Unit switch
        {
            MeasureUnit.Money => $"{(Math.Abs(v) < 100 ? format.Fixed(v, 2) : compact ? format.Compact(v) : format.Whole(v))} {currency}",
            MeasureUnit.Rate => format.Fixed(v * 100, 2) + "%",
            MeasureUnit.Ratio => format.Fixed(v, 2),
            MeasureUnit.Index => format.Fixed(v, 0),
            _ => compact ? format.Compact(v) : format.Whole(v),
        };
    }

    /// <summary>"+4.1%", or for rates and ratios "+0.16 pts (+1.1%)"; "—" without a comparison.</summary>
    public static string Change(MeasureDefinition measure, double? change, double? points, NumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(format);
        if (change is not { } c)
        {
            return "—";
        }

        var relative = format.SignedPercent(c);
        if (!measure.HasPointChange || points is not { } p)
        {
            return relative;
        }

        var scaled = measure.Unit == MeasureUnit.Rate ? p * 100 : p;
        return $"{(scaled >= 0 ? "+" : "")}{format.Fixed(scaled, 2)} pts ({relative})";
    }

    /// <summary>True for good news by the measure's direction, false for bad, null for none.</summary>
    public static bool? IsGood(MeasureDefinition measure, double? change) =>
        change is { } c && c != 0 ? (c > 0) == measure.HigherIsBetter : null;
}
