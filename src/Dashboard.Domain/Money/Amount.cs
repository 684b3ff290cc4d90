using System.Globalization;

namespace Dashboard.Domain.Money;

/// <summary>
/// An exact amount of money in its own currency, held as an integer number of 1/10,000 units
/// (DATA.md: money has at most 4 decimals and is stored exactly, never as floating point or text).
/// </summary>
public readonly record struct Amount(long Units) : IComparable<Amount>
{
    public const long Scale = 10_000;

    public static Amount Zero => default;

    public decimal ToDecimal() => Units / (decimal)Scale;

    public double ToDouble() => Units / (double)Scale;

    public static Amount FromDecimal(decimal value)
    {
        var scaled = value * Scale;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException($"{value} has more than 4 decimals", nameof(value));
        }

        return new Amount(checked((long)scaled));
    }

    /// <summary>
    /// Parses the import format exactly: digits, optionally '.' and 1–4 digits; no sign, exponent,
    /// thousands separator or culture. Returns false with a reason on anything else.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Amount amount, out string? reason)
    {
        amount = default;
        if (text.IsEmpty)
        {
            reason = "is empty";
            return false;
        }

        if (text[0] == '-')
        {
            reason = "must not be negative";
            return false;
        }

        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.IsEmpty || !IsDigits(whole) || (dot >= 0 && (fraction.IsEmpty || !IsDigits(fraction))))
        {
            reason = "is not a number (use digits and '.' as decimal point, no thousands separator)";
            return false;
        }

        if (fraction.Length > 4)
        {
            reason = "has more than 4 decimals";
            return false;
        }

        if (whole.Length > 14)
        {
            reason = "is too large";
            return false;
        }

        var units = long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture) * Scale;
        if (!fraction.IsEmpty)
        {
            var frac = long.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture);
            for (var i = fraction.Length; i < 4; i++)
            {
                frac *= 10;
            }

            units += frac;
        }

        amount = new Amount(units);
        reason = null;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    public int CompareTo(Amount other) => Units.CompareTo(other.Units);

    public static Amount operator +(Amount a, Amount b) => new(checked(a.Units + b.Units));

    public static bool operator <(Amount a, Amount b) => a.Units < b.Units;

    public static bool operator >(Amount a, Amount b) => a.Units > b.Units;

    public static bool operator <=(Amount a, Amount b) => a.Units <= b.Units;

    public static bool operator >=(Amount a, Amount b) => a.Units >= b.Units;

    public override string ToString() => ToDecimal().ToString("0.####", CultureInfo.InvariantCulture);
}
