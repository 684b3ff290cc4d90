using Dashboard.Data.Access;
using Dashboard.Metrics.Snapshot;
using Dashboard.Application.Formatting;

namespace Dashboard.Application.Preferences;

/// <summary>The reporting currency and number format a page shows its figures in.</summary>
public sealed record DisplayPreferences(string Currency, NumberFormat Format)
{
    public static DisplayPreferences Default { get; } = new(DefaultCurrency, NumberFormat.Default);

    public const string DefaultCurrency = "USD";

    /// <summary>Every currency the data has exchange rates for, and the US dollar (the rates' base).</summary>
    public static IReadOnlyList<string> Currencies(FxRates fx)
    {
        ArgumentNullException.ThrowIfNull(fx);
        return [.. fx.Currencies.Append(DefaultCurrency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>What a user stored, made usable: a currency that has since lost its rates falls back to the default.</summary>
    public static DisplayPreferences From(StoredPreferences stored, FxRates fx)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var currency = stored.ReportingCurrency is { } c && Currencies(fx).Contains(c) ? c : DefaultCurrency;
        return new DisplayPreferences(currency, NumberFormat.Find(stored.NumberFormat) ?? NumberFormat.Default);
    }
}
