using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Data.Entities;
using Dashboard.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Admin;

/// <summary>
/// The Users page's tasks: list users with their roles and grants, add one, change one's role and markets, unlock one.
/// Every change is in the audit log under the administrator's name. Each task runs in its own service scope (the
/// identity stores hold a context that must not outlive one task of a long-lived circuit).
/// </summary>
public sealed class UsersService(IServiceScopeFactory scopes, IDbContextFactory<DashboardDbContext> contexts, IViewer viewer, TimeProvider time)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await UserAccounts.ListAsync(db, time.GetUtcNow(), ct);
    }

    public async Task<IReadOnlyList<(string Value, string Label)>> GrantOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await GrantOptions.ListAsync(db, ct);
    }

    /// <summary>Whose markets the list shows for a user.</summary>
    public static string Markets(UserView user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return GrantOptions.Describe(Roles.SeesAllMarkets(user.Role), user.Grants);
    }

    /// <summary>A new user; the name defaults to the e-mail.</summary>
    /// <returns>What is wrong (nothing when added).</returns>
    public async Task<IReadOnlyList<string>> AddAsync(string email, string name, string password, string role, IEnumerable<string> grants)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(name);
        var granted = GrantOptions.For(Roles.SeesAllMarkets(role), grants);
        await using var scope = scopes.CreateAsyncScope();
        var (users, roles, db) = Stores(scope.ServiceProvider);
        var (user, errors) = await UserAccounts.CreateAsync(users, roles, db, email.Trim(), name.Trim().Length > 0 ? name.Trim() : email.Trim(), password, role, granted);
        if (user is not null)
        {
            await AuditLog.WriteAsync(db, time, await viewer.ActorAsync(), AuditLog.UserCreated, user.Email ?? "", $"{role}: {string.Join(", ", granted)}");
        }

        return errors;
    }

    /// <returns>What is wrong (nothing when saved).</returns>
    public async Task<IReadOnlyList<string>> UpdateAsync(UserView user, string role, IEnumerable<string> grants)
    {
        ArgumentNullException.ThrowIfNull(user);
        var granted = GrantOptions.For(Roles.SeesAllMarkets(role), grants);
        await using var scope = scopes.CreateAsyncScope();
        var (users, roles, db) = Stores(scope.ServiceProvider);
        var errors = await UserAccounts.UpdateAsync(users, roles, db, user.Id, role, granted);
        if (errors.Count == 0)
        {
            await AuditLog.WriteAsync(db, time, await viewer.ActorAsync(), AuditLog.UserChanged, user.Email, $"{role}: {string.Join(", ", granted)}");
        }

        return errors;
    }

    /// <summary>Lifts a lockout and resets the failed attempts.</summary>
    public async Task UnlockAsync(UserView user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var scope = scopes.CreateAsyncScope();
        var (users, _, db) = Stores(scope.ServiceProvider);
        if (await users.FindByIdAsync(user.Id) is { } found)
        {
            await users.SetLockoutEndDateAsync(found, null);
            await users.ResetAccessFailedCountAsync(found);
            await AuditLog.WriteAsync(db, time, await viewer.ActorAsync(), AuditLog.UserUnlocked, user.Email);
        }
    }

    private static (UserManager<DashboardUser> Users, RoleManager<IdentityRole> Roles, DashboardDbContext Db) Stores(IServiceProvider services) =>
        (services.GetRequiredService<UserManager<DashboardUser>>(), services.GetRequiredService<RoleManager<IdentityRole>>(), services.GetRequiredService<DashboardDbContext>());
}
