using System.Security.Cryptography;
using System.Text;
using Dashboard.Data.Entities;
using Dashboard.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Access;

/// <summary>
/// API keys: created by an admin with a role (director, regional or viewer; never admin) and grants, stored as a
/// SHA-256 hash with a clear prefix to find them, revoked by an admin. A key is "roi_" + 8 prefix characters + "_" +
/// 43 characters of secret (256 random bits).
/// </summary>
public static class ApiKeys
{
    private const string Marker = "roi_";
    private const int PrefixLength = 8;

    public static async Task<(ApiKey? Key, string? Secret, IReadOnlyList<string> Errors)> CreateAsync(
        DashboardDbContext db, TimeProvider time, string name, string role, IReadOnlyList<ScopeGrant> grants, string createdBy,
        bool canImport = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(grants);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("give the key a name that says who uses it");
        }

        if (role is not (Roles.Director or Roles.Regional or Roles.Viewer))
        {
            errors.Add($"an API key's role is director, regional or viewer, not '{role}'");
        }

        if (canImport && role == Roles.Viewer)
        {
            errors.Add("a viewer key is read-only: give an importing key the director or regional role");
        }

        var markets = await db.Markets.AsNoTracking().Select(m => m.Code).ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().Select(r => r.Key).ToListAsync(ct);
        errors.AddRange(grants.Where(g => !(g.Kind == ScopeGrant.MarketKind ? markets : regions).Contains(g.Key)).Select(g => $"{g.Kind} '{g.Key}' does not exist"));
        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = $"{Marker}{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var key = new ApiKey
        {
            Name = name.Trim(), Prefix = prefix, Hash = Hash(secret), Role = role, Grants = string.Join(",", grants.Distinct()),
            CreatedUtc = time.GetUtcNow().UtcDateTime, CreatedBy = createdBy, CanImport = canImport,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return (key, secret, []);
    }

    /// <summary>The live key a caller presented, or null (malformed, unknown, wrong secret or revoked).</summary>
    public static async Task<ApiKey?> FindAsync(DashboardDbContext db, string presented, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (presented is null || !presented.StartsWith(Marker, StringComparison.Ordinal) || presented.Length < Marker.Length + PrefixLength + 2)
        {
            return null;
        }

        var prefix = presented.Substring(Marker.Length, PrefixLength);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, ct);
        if (key is null || key.RevokedUtc is not null)
        {
            return null;
        }

        // Constant-time comparison: the time taken says nothing about how much of the hash matched.
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.Hash), Encoding.ASCII.GetBytes(Hash(presented))) ? key : null;
    }

    public static async Task<bool> RevokeAsync(DashboardDbContext db, TimeProvider time, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null || key.RevokedUtc is not null)
        {
            return false;
        }

        key.RevokedUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static IReadOnlyList<ScopeGrant> GrantsOf(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return [.. key.Grants.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ScopeGrant.Parse)];
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
