using System.Security.Claims;
using Dashboard.Data.Entities;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Access;

/// <summary>
/// An open page (a Blazor circuit) keeps the claims it started with; this checks every minute that the user still
/// exists with the same security stamp (changed by a new role, new grants, a lock-out), and signs the circuit out if not.
/// </summary>
public sealed class RevalidatingStateProvider(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        return await IsCurrentAsync(users, authenticationState.User, options.Value.ClaimsIdentity.SecurityStampClaimType);
    }

    public static async Task<bool> IsCurrentAsync(UserManager<DashboardUser> users, ClaimsPrincipal principal, string stampClaim)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(principal);
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return false;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return false;
        }

        return !users.SupportsUserSecurityStamp || principal.FindFirstValue(stampClaim) == await users.GetSecurityStampAsync(user);
    }
}
