using Dashboard.Data;
using Dashboard.Data.Access;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Admin;

/// <summary>
/// What an administrator can grant a user or an API key: every region (its markets as they stand when a question is
/// asked), then every market, each as the grant's text ("region:emea", "market:DE") and a label.
/// </summary>
public static class GrantOptions
{
    public static async Task<IReadOnlyList<(string Value, string Label)>> ListAsync(DashboardDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Key, r.Name }).ToListAsync(ct);
        var markets = await db.Markets.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Code, m.Name }).ToListAsync(ct);
        return [.. regions.Select(r => ($"{ScopeGrant.RegionKind}:{r.Key}", $"Region: {r.Name}")), .. markets.Select(m => ($"{ScopeGrant.MarketKind}:{m.Code}", $"{m.Name} ({m.Code})"))];
    }

    /// <summary>How a list names whose markets someone sees: "all" for roles that see every market, else the grants.</summary>
    public static string Describe(bool seesAll, IEnumerable<ScopeGrant> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        var list = grants.Select(g => g.ToString()).ToList();
        return seesAll ? "all" : list.Count == 0 ? "none" : string.Join(", ", list);
    }

    /// <summary>The grants a form's picks give a role: none for a role that sees every market (they would mean nothing).</summary>
    public static IReadOnlyList<ScopeGrant> For(bool seesAll, IEnumerable<string> picked)
    {
        ArgumentNullException.ThrowIfNull(picked);
        return seesAll ? [] : [.. picked.Select(ScopeGrant.Parse)];
    }
}
