using System.Security.Claims;
using Dashboard.Application.Analysis;
using Dashboard.Application.Charts;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Preferences;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Metrics.Query;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Exports;

/// <summary>
/// What every file download needs, whoever asks (a page's link, an API key, a script): the caller's dashboard context
/// for the view in the query, their reporting currency, the "exported by" stamp, and the audit entry left before the
/// file is handed over (what and for which scope, never the figures).
/// </summary>
public sealed class DownloadService(IAnalysisSource source, IDbContextFactory<DashboardDbContext> contexts, TimeProvider time)
{
    /// <summary>The caller's context for a view (a query string), in their stored currency and number format.</summary>
    public async Task<DashboardContext> ContextAsync(ClaimsPrincipal user, AccessScope scope, string? query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var analysis = await source.GetAnalysisAsync(ct);
        return DashboardContexts.Create(analysis, scope, await StoredAsync(user, ct), query, time);
    }

    /// <summary>The currency asked for, else the caller's own as the pages resolve it (an API key has none: the default).</summary>
    public async Task<string> CurrencyAsync(ClaimsPrincipal user, string? asked, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (asked is { Length: > 0 })
        {
            return asked.ToUpperInvariant();
        }

        var analysis = await source.GetAnalysisAsync(ct);
        return DisplayPreferences.From(await StoredAsync(user, ct), analysis.Snapshot.Fx).Currency;
    }

    /// <summary>Adds who exported the table and when to its context lines.</summary>
    public ExportTable Stamp(ExportTable table, string who)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Stamped(who, time.GetUtcNow());
    }

    /// <summary>The audit entry of a download of <paramref name="file"/>; <paramref name="details"/> names the scope.</summary>
    public async Task RecordAsync(string who, string file, string details, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await AuditLog.WriteAsync(db, time, who, AuditLog.Export, file, details, ct);
    }

    /// <summary>The audit entry of a dashboard's file: its filters and currency.</summary>
    public Task RecordAsync(string who, string file, DashboardContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RecordAsync(who, file, $"{ChartScope.Filters(context)}; {context.Preferences.Currency}", ct);
    }

    /// <summary>How a file's header and the audit entry name the caller's markets.</summary>
    public static string Markets(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Markets is null ? "all markets" : string.Join(" ", scope.Markets.Order(StringComparer.Ordinal));
    }

    /// <summary>The "Exported" line of a file: when, and by whom.</summary>
    public string ExportedLine(string who) => $"{time.GetUtcNow().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC by {who}";

    private async Task<StoredPreferences> StoredAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return new StoredPreferences(null, null);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await UserPreferencesStore.GetAsync(db, id, ct);
    }
}
