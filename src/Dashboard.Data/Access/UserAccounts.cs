using Dashboard.Data.Entities;
using Dashboard.Domain.Access;
using Dashboard.Metrics.Query;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Access;

/// <summary>A user as the admin page lists them.</summary>
public sealed record UserView(string Id, string Email, string Name, string Role, IReadOnlyList<ScopeGrant> Grants, bool LockedOut);

/// <summary>A market or region grant as given on the command line or the admin page: "market:DE" or "region:emea".</summary>
public readonly record struct ScopeGrant(string Kind, string Key)
{
    public const string MarketKind = "market";
    public const string RegionKind = "region";

    public static ScopeGrant Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (kind, key) = colon > 0 ? (text[..colon].Trim().ToLowerInvariant(), text[(colon + 1)..].Trim()) : ("", text);
        return kind is MarketKind or RegionKind && key.Length > 0
            ? new ScopeGrant(kind, kind == MarketKind ? key.ToUpperInvariant() : key.ToLowerInvariant())
            : throw new ArgumentException($"'{text}' is not a grant: write market:CODE or region:KEY", nameof(text));
    }

    public override string ToString() => $"{Kind}:{Key}";
}

/// <summary>
/// Users, their role and their market grants, shared by the command line, the admin page and the demo seeding; and
/// the access scope of a signed-in user, which every engine and attribution question carries.
/// </summary>
public static class UserAccounts
{
    /// <summary>Creates a user with one role and its grants, or says why not (password rules, a taken e-mail, an unknown market).</summary>
    public static async Task<(DashboardUser? User, IReadOnlyList<string> Errors)> CreateAsync(
        UserManager<DashboardUser> users, RoleManager<IdentityRole> roles, DashboardDbContext db,
        string email, string displayName, string password, string role, IReadOnlyList<ScopeGrant> grants, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(grants);
        var errors = new List<string>();
        if (!Roles.All.Contains(role))
        {
            errors.Add($"role '{role}' is not one of {string.Join(", ", Roles.All)}");
        }

        errors.AddRange(await UnknownGrantsAsync(db, grants, ct));
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        await EnsureRolesAsync(roles);
        var user = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, [.. created.Errors.Select(e => e.Description)]);
        }

        await users.AddToRoleAsync(user, role);
        db.ScopeGrants.AddRange(grants.Distinct().Select(g => new UserScopeGrant { UserId = user.Id, Kind = g.Kind, Key = g.Key }));
        await db.SaveChangesAsync(ct);
        return (user, []);
    }

    /// <summary>
    /// The local user of someone who signed in with the identity provider: created on first sign-in (without a local
    /// password), and given the role and grants the provider's claims carry now.
    /// </summary>
    public static async Task<(DashboardUser? User, IReadOnlyList<string> Errors)> UpsertExternalAsync(
        UserManager<DashboardUser> users, RoleManager<IdentityRole> roles, DashboardDbContext db,
        string email, string displayName, string role, IReadOnlyList<ScopeGrant> grants, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, LockoutEnabled = true };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return (null, [.. created.Errors.Select(e => e.Description)]);
            }

            await EnsureRolesAsync(roles);
            await users.AddToRoleAsync(user, role);
        }

        var errors = await UpdateAsync(users, roles, db, user.Id, role, grants, ct);
        return errors.Count == 0 ? (user, []) : (null, errors);
    }

    /// <summary>Every user with their role, grants and whether they are locked out now.</summary>
    public static async Task<IReadOnlyList<UserView>> ListAsync(DashboardDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var grants = await db.ScopeGrants.AsNoTracking().ToListAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        return [.. users.Select(u => new UserView(
            u.Id, u.Email ?? "", u.DisplayName, roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").FirstOrDefault() ?? "",
            [.. grants.Where(g => g.UserId == u.Id).OrderBy(g => g.Kind).ThenBy(g => g.Key).Select(g => new ScopeGrant(g.Kind, g.Key))],
            u.LockoutEnd > now))];
    }

    /// <summary>Gives a user another role and replaces their grants; refuses to leave the product without an admin.</summary>
    public static async Task<IReadOnlyList<string>> UpdateAsync(
        UserManager<DashboardUser> users, RoleManager<IdentityRole> roles, DashboardDbContext db, string userId, string role, IReadOnlyList<ScopeGrant> grants, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(grants);
        if (!Roles.All.Contains(role))
        {
            return [$"role '{role}' is not one of {string.Join(", ", Roles.All)}"];
        }

        var errors = await UnknownGrantsAsync(db, grants, ct);
        if (errors.Count > 0)
        {
            return errors;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return ["this user no longer exists"];
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && role != Roles.Admin && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
        {
            return ["this is the only admin: make another user admin first"];
        }

        await EnsureRolesAsync(roles);
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        db.ScopeGrants.RemoveRange(db.ScopeGrants.Where(g => g.UserId == userId));
        db.ScopeGrants.AddRange(grants.Distinct().Select(g => new UserScopeGrant { UserId = userId, Kind = g.Kind, Key = g.Key }));
        await db.SaveChangesAsync(ct);

        // Changed rights take effect at the user's next request, not at their next sign-in.
        await users.UpdateSecurityStampAsync(user);
        return [];
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>
    /// The markets a user may see: every market for admins and directors; for the others their granted markets and
    /// the markets of their granted regions, as the reference data stands now. No grant, no market.
    /// </summary>
    public static async Task<AccessScope> ScopeAsync(DashboardDbContext db, string userId, IEnumerable<string> roles, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (roles.Any(Roles.SeesAllMarkets))
        {
            return AccessScope.All;
        }

        var grants = await db.ScopeGrants.AsNoTracking().Where(g => g.UserId == userId).ToListAsync(ct);
        return await ScopeOfGrantsAsync(db, [.. grants.Select(g => new ScopeGrant(g.Kind, g.Key))], ct);
    }

    /// <summary>The granted markets plus the markets of the granted regions as the reference data stands now.</summary>
    public static async Task<AccessScope> ScopeOfGrantsAsync(DashboardDbContext db, IReadOnlyList<ScopeGrant> grants, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(grants);
        var regionKeys = grants.Where(g => g.Kind == ScopeGrant.RegionKind).Select(g => g.Key).ToList();
        var regionMarkets = await db.Markets.AsNoTracking()
            .Where(m => db.Regions.Any(r => r.Id == m.RegionId && regionKeys.Contains(r.Key)))
            .Select(m => m.Code).ToListAsync(ct);
        return AccessScope.Only(grants.Where(g => g.Kind == ScopeGrant.MarketKind).Select(g => g.Key).Concat(regionMarkets));
    }

    public static async Task<IReadOnlyList<ScopeGrant>> GrantsAsync(DashboardDbContext db, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. (await db.ScopeGrants.AsNoTracking().Where(g => g.UserId == userId).OrderBy(g => g.Kind).ThenBy(g => g.Key).ToListAsync(ct))
            .Select(g => new ScopeGrant(g.Kind, g.Key))];
    }

    private static async Task<List<string>> UnknownGrantsAsync(DashboardDbContext db, IReadOnlyList<ScopeGrant> grants, CancellationToken ct)
    {
        var markets = await db.Markets.AsNoTracking().Select(m => m.Code).ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().Select(r => r.Key).ToListAsync(ct);
        return [.. grants.Where(g => !(g.Kind == ScopeGrant.MarketKind ? markets : regions).Contains(g.Key))
            .Select(g => $"{g.Kind} '{g.Key}' does not exist")];
    }
}
