using System.Security.Claims;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Metrics.Query;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Access;

/// <summary>
/// The access scope of the signed-in user, resolved on the server from their roles and grants: pages and endpoints
/// ask this, never the browser, and pass it into every engine and attribution question.
/// </summary>
public sealed class UserScopes(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<AccessScope> ForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || user.Identity?.IsAuthenticated != true)
        {
            return AccessScope.Only([]);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if (user.FindFirstValue(ApiKeyAuthentication.KindClaim) == "api_key")
        {
            // An API key carries its role and grants itself.
            return roles.Any(Dashboard.Domain.Access.Roles.SeesAllMarkets) ? AccessScope.All
                : await UserAccounts.ScopeOfGrantsAsync(db, [.. user.FindAll(ApiKeyAuthentication.GrantClaim).Select(c => ScopeGrant.Parse(c.Value))], ct);
        }

        return await UserAccounts.ScopeAsync(db, id, roles, ct);
    }
}

/// <summary>For components: the scope of the circuit's user, resolved once per component that asks.</summary>
public sealed class CircuitScope(AuthenticationStateProvider authentication, UserScopes scopes)
{
    public async Task<AccessScope> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await scopes.ForAsync(state.User);
    }
}
