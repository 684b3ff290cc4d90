using System.Globalization;
using Dashboard.Metrics.Engine;

namespace Dashboard.Attribution.Planning;

/// <summary>
/// The API.md grammar of spend plans (<c>channel=amount,…</c>) and bounds (<c>channel=min:max,…</c>, either side may be
/// empty; <c>channel@MARKET=min:max</c> bounds one market of a channel).
/// </summary>
public static class PlanningParameters
{
    /// <exception cref="MetricsQueryException">A part that is not channel=amount, or an amount that is not a number.</exception>
    public static Dictionary<string, double> Spend(string? text)
    {
        var spend = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (channel, value) in Pairs(text, "--spend", "channel=amount"))
        {
            spend[channel] = Number(value, $"--spend {channel}");
        }

        return spend;
    }

    /// <exception cref="MetricsQueryException">A part that is not channel=min:max, or a side that is not a number.</exception>
    public static Dictionary<string, (double? Min, double? Max)> Bounds(string? text)
    {
        var bounds = new Dictionary<string, (double?, double?)>(StringComparer.Ordinal);
        foreach (var (channel, value) in Pairs(text, "--bounds", "channel=min:max"))
        {
            var sides = value.Split(':');
            if (sides.Length != 2)
            {
                throw new MetricsQueryException($"--bounds {channel}={value}: write min:max (either may be empty)");
            }

            bounds[channel] = (sides[0].Length == 0 ? null : Number(sides[0], $"--bounds {channel} minimum"),
                sides[1].Length == 0 ? null : Number(sides[1], $"--bounds {channel} maximum"));
        }

        return bounds;
    }

    private static IEnumerable<(string Channel, string Value)> Pairs(string? text, string option, string form)
    {
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = part.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new MetricsQueryException($"{option}: '{part}' is not {form}");
            }

            yield return (part[..at].Trim(), part[(at + 1)..].Trim());
        }
    }

    private static double Number(string text, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new MetricsQueryException($"{what}: '{text}' is not a number (use a dot for decimals)");
}
