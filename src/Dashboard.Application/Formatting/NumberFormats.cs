using System.Globalization;

namespace Dashboard.Application.Formatting;

/// <summary>
/// A way of writing figures a user may choose: group and decimal separators, and group sizes. Built on the invariant
/// culture rather than on a named one, so a server without locale data writes the same text.
/// </summary>
public sealed class NumberFormat
{
    private NumberFormat(string key, string label, string group, string decimalSeparator, int[] groupSizes)
    {
        Key = key;
        Label = label;
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var format = culture.NumberFormat;
        format.NumberGroupSeparator = format.PercentGroupSeparator = format.CurrencyGroupSeparator = group;
        format.NumberDecimalSeparator = format.PercentDecimalSeparator = format.CurrencyDecimalSeparator = decimalSeparator;
        format.NumberGroupSizes = format.PercentGroupSizes = format.CurrencyGroupSizes = groupSizes;
        Culture = CultureInfo.ReadOnly(culture);
    }

    public string Key { get; }

    /// <summary>What the format looks like, for the picker.</summary>
    public string Label { get; }

    public CultureInfo Culture { get; }

    /// <summary>Plotly's layout.separators: the decimal, then the group separator (Plotly groups by threes only).</summary>
    public string PlotlySeparators => Culture.NumberFormat.NumberDecimalSeparator + Culture.NumberFormat.NumberGroupSeparator;

    public static NumberFormat Default => All[0];

    public static IReadOnlyList<NumberFormat> All { get; } =
    [
        new("en", "1,234,567.89", ",", ".", [3]),
        new("de", "1.234.567,89", ".", ",", [3]),
        new("fr", "1 234 567,89", "\u202F", ",", [3]),
        new("ch", "1’234’567.89", "’", ".", [3]),
        new("in", "12,34,567.89", ",", ".", [3, 2]),
    ];

    public static NumberFormat? Find(string? key) => All.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));

    /// <summary>A whole number with groups: 1,234,567.</summary>
    public string Whole(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("#,0", Culture) : "—";

    /// <summary>A figure with the given decimals: 1,234.57.</summary>
    public string Fixed(double? value, int decimals) =>
        value is { } v && double.IsFinite(v) ? v.ToString("#,0." + new string('0', decimals), Culture) : "—";

    /// <summary>A large figure shortened for a card: 87.7 M, 1.2 bn, 12.3 k; below ten thousand, whole.</summary>
    public string Compact(double? value)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return "—";
        }

        var size = Math.Abs(v);
        return size >= 1e9 ? Fixed(v / 1e9, 1) + " bn"
            : size >= 1e6 ? Fixed(v / 1e6, 1) + " M"
            : size >= 1e4 ? Fixed(v / 1e3, 1) + " k"
            : Whole(v);
    }

    /// <summary>A signed percentage of a ratio: +12.3%.</summary>
    public string SignedPercent(double? ratio) =>
        ratio is { } v && double.IsFinite(v) ? v.ToString("+0.0%;-0.0%;0.0%", Culture) : "—";
}
