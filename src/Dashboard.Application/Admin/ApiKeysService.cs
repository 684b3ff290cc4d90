using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Admin;

/// <summary>An API key as the admin page lists it (never its hash).</summary>
public sealed record ApiKeyLine(int Id, string Name, string Prefix, string Role, string Markets, bool CanImport, DateTime CreatedUtc, string CreatedBy, DateTime? RevokedUtc);

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
        return [.. keys.Select(k => new ApiKeyLine(k.Id, k.Name, k.Prefix, k.Role, GrantOptions.Describe(!TakesGrants(k.Role), ApiKeys.GrantsOf(k)), k.CanImport,
            k.CreatedUtc, k.CreatedBy, k.RevokedUtc))];
    }

    public async Task<IReadOnlyList<(string Value, string Label)>> GrantOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await GrantOptions.ListAsync(db, ct);
    }

    /// <returns>The key's secret (shown once) or what is wrong.</returns>
    public async Task<(string? Secret, IReadOnlyList<string> Errors)> CreateAsync(string name, string role, IEnumerable<string> grants, bool canImport, CancellationToken ct = default)
    {
        var actor = await viewer.ActorAsync();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (key, secret, errors) = await ApiKeys.CreateAsync(db, time, name, role, GrantOptions.For(!TakesGrants(role), grants), actor, canImport && MayImport(role), ct);
        if (key is null)
        {
            return (null, errors);
        }

        await AuditLog.WriteAsync(db, time, actor, "api_key_created", $"{key.Name} ({key.Prefix})", $"{key.Role}: {key.Grants}{(key.CanImport ? "; imports" : "")}", ct);
        return (secret, []);
    }

    /// <returns>Whether a live key was revoked.</returns>
    public async Task<bool> RevokeAsync(ApiKeyLine key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await ApiKeys.RevokeAsync(db, time, key.Id, ct))
        {
            return false;
        }

        await AuditLog.WriteAsync(db, time, await viewer.ActorAsync(), "api_key_revoked", $"{key.Name} (#{key.Id})", ct: ct);
        return true;
    }
}
