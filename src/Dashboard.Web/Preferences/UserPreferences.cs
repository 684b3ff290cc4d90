using System.Security.Claims;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Snapshot;
using Dashboard.Web.Model;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Preferences;

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

/// <summary>
/// The signed-in user's display preferences, read once per circuit and saved on their user row, so they follow the
/// user to any browser. A stored currency that has since lost its exchange rates falls back to the default.
/// </summary>
public sealed class UserPreferences(IDbContextFactory<DashboardDbContext> contexts, AuthenticationStateProvider authentication, MetricsSnapshotStore store)
{
    private DisplayPreferences? _current;

    public async Task<DisplayPreferences> GetAsync(CancellationToken ct = default)
    {
        if (_current is not null)
        {
            return _current;
        }

        var id = await UserIdAsync();
        if (id is null)
        {
            return DisplayPreferences.Default;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await UserPreferencesStore.GetAsync(db, id, ct);
        _current = DisplayPreferences.From(stored, (await store.GetAnalysisAsync(ct)).Snapshot.Fx);
        return _current;
    }

    /// <summary>Every currency the data has exchange rates for, and the US dollar (the rates' base).</summary>
    public async Task<IReadOnlyList<string>> CurrenciesAsync(CancellationToken ct = default) =>
        DisplayPreferences.Currencies((await store.GetAnalysisAsync(ct)).Snapshot.Fx);

    /// <returns>Null when saved, else why not.</returns>
    public async Task<string?> SaveAsync(string currency, string formatKey, CancellationToken ct = default)
    {
        var id = await UserIdAsync();
        if (id is null)
        {
            return "sign in to keep preferences";
        }

        if (!(await CurrenciesAsync(ct)).Contains(currency))
        {
            return $"'{currency}' has no exchange rates in the data: pick a currency from the list";
        }

        var format = NumberFormat.Find(formatKey);
        if (format is null)
        {
            return $"'{formatKey}' is not a number format: pick one from the list";
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await UserPreferencesStore.SaveAsync(db, id, new StoredPreferences(currency, format.Key), ct))
        {
            return "your account no longer exists";
        }

        _current = new DisplayPreferences(currency, format);
        return null;
    }

    private async Task<string?> UserIdAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }
}
