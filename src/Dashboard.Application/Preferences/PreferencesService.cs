using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Application.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Preferences;

/// <summary>
/// The signed-in user's display preferences, read once per circuit and saved on their user row, so they follow the
/// user to any browser. A stored currency that has since lost its exchange rates falls back to the default.
/// </summary>
public sealed class PreferencesService(IDbContextFactory<DashboardDbContext> contexts, ICurrentUser user, IAnalysisSource store)
{
    private DisplayPreferences? _current;

    public async Task<DisplayPreferences> GetAsync(CancellationToken ct = default)
    {
        if (_current is not null)
        {
            return _current;
        }

        var id = await user.IdAsync();
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
        var id = await user.IdAsync();
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
}
