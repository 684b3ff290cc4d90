using Dashboard.Data.Entities;
using Dashboard.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Access;

/// <summary>
/// One user per role for trying the product locally (README "Demo users"). Only a Development start with demo data
/// creates them; anywhere else there are no default users and the first admin comes from `dashboard users add`.
/// </summary>
public static class DemoUsers
{
    /// <summary>Documented in the README; for a local demo database only.</summary>
    public const string Password = "Demo-roi-2026!";

    public static IReadOnlyList<(string Email, string Name, string Role, ScopeGrant[] Grants)> All { get; } =
    [
        ("admin@demo.local", "Ada Admin", Roles.Admin, []),
        ("director@demo.local", "Dana Director", Roles.Director, []),
        ("emea@demo.local", "Emil EMEA", Roles.Regional, [new(ScopeGrant.RegionKind, "emea")]),
        ("us@demo.local", "Uma US", Roles.Regional, [new(ScopeGrant.MarketKind, "US")]),
        ("viewer@demo.local", "Vic Viewer", Roles.Viewer, [new(ScopeGrant.MarketKind, "GB"), new(ScopeGrant.MarketKind, "DE")]),
    ];

    /// <summary>Creates the demo users that do not exist yet; returns how many were created.</summary>
    public static async Task<int> SeedAsync(UserManager<DashboardUser> users, RoleManager<IdentityRole> roles, DashboardDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        var created = 0;
        foreach (var (email, name, role, grants) in All)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var (user, errors) = await UserAccounts.CreateAsync(users, roles, db, email, name, Password, role, grants, ct);
            if (user is null)
            {
                throw new InvalidOperationException($"demo user {email} could not be created: {string.Join("; ", errors)}");
            }

            created++;
        }

        return created;
    }

    public static Task<bool> AnyUserAsync(DashboardDbContext db, CancellationToken ct = default) => db.Users.AnyAsync(ct);
}
