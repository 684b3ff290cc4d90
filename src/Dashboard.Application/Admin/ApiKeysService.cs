using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Admin;

/// <summary>An API key as the admin page lists it (never its hash).</summary>
/// <param name="Grants">As stored ("market:DE", "region:emea"); <paramref name="Markets"/> says it in words ("all" for a director key).</param>
public sealed record ApiKeyLine(int Id, string Name, string Prefix, string Role, IReadOnlyList<string> Grants, string Markets, bool CanImport, DateTime CreatedUtc, string CreatedBy,
    DateTime? RevokedUtc);

/// <summary>
/// The API keys page's tasks: list keys, create one (its secret shown once), revoke one. A director key sees every
/// market; a viewer key never loads data. Every change is in the audit log under the administrator's name.
/// </summary>
public sealed class ApiKeysService(IDbContextFactory<DashboardDbContext> contexts, IViewer viewer, TimeProvider time)
{
    /// <summary>The roles a key may have.</summary>
    public static IReadOnlyList<string> KeyRoles { get; } = [Roles.Director, Roles.Regional, Roles.Viewer];

    /// <summary>Whether a key of <paramref name="role"/> may be given markets (a director key sees them all).</summary>
    public static bool TakesGrants(string role) => role != Roles.Director;

    /// <summary>Whether a key of <paramref name="role"/> may be allowed to load data (a viewer key may not).</summary>
    public static bool MayImport(string role) => role != Roles.Viewer;

    public async Task<IReadOnlyList<ApiKeyLine>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync(ct);
        return [.. keys.Select(Line)];
    }

    public async Task<IReadOnlyList<(string Value, string Label)>> GrantOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await GrantOptions.ListAsync(db, ct);
    }

    /// <summary>A new key (a viewer key that would load data is refused, not quietly made read-only).</summary>
    /// <returns>The key and its secret (shown once), or what is wrong.</returns>
    public async Task<(ApiKeyLine? Key, string? Secret, IReadOnlyList<string> Errors)> CreateAsync(string name, string role, IEnumerable<string> grants, bool canImport,
        CancellationToken ct = default)
    {
        var actor = await viewer.ActorAsync();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (key, secret, errors) = await ApiKeys.CreateAsync(db, time, name, role, GrantOptions.For(!TakesGrants(role), grants), actor, canImport, ct);
        if (key is null)
        {
            return (null, null, errors);
        }

        await AuditLog.WriteAsync(db, time, actor, "api_key_created", $"{key.Name} ({key.Prefix})", $"{key.Role}: {key.Grants}{(key.CanImport ? "; imports" : "")}", ct);
        return (Line(key), secret, []);
    }

    /// <returns>Whether a live key was revoked (false for an unknown or already revoked id).</returns>
    public async Task<bool> RevokeAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var name = await db.ApiKeys.AsNoTracking().Where(k => k.Id == id).Select(k => k.Name).FirstOrDefaultAsync(ct);
        if (name is null || !await ApiKeys.RevokeAsync(db, time, id, ct))
        {
            return false;
        }

        await AuditLog.WriteAsync(db, time, await viewer.ActorAsync(), "api_key_revoked", $"{name} (#{id})", ct: ct);
        return true;
    }

    private static ApiKeyLine Line(Data.Entities.ApiKey k) =>
        new(k.Id, k.Name, k.Prefix, k.Role, [.. ApiKeys.GrantsOf(k).Select(g => g.ToString())], GrantOptions.Describe(!TakesGrants(k.Role), ApiKeys.GrantsOf(k)), k.CanImport, k.CreatedUtc, k.CreatedBy, k.RevokedUtc);
}
