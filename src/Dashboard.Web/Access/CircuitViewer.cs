using Dashboard.Metrics.Query;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Access;

/// <summary>For components: the circuit's user as the application layer asks for them (their scope, preferences and name).</summary>
public sealed class CircuitViewer(CircuitScope scope, Application.Preferences.PreferencesService preferences, AuthenticationStateProvider authentication) : Application.Analysis.IViewer
{
    public async Task<string> ActorAsync() => Application.Analysis.Actors.Of((await authentication.GetAuthenticationStateAsync()).User);

    public Task<AccessScope> ScopeAsync() => scope.GetAsync();

    public Task<Application.Preferences.DisplayPreferences> PreferencesAsync() => preferences.GetAsync();
}

/// <summary>The circuit's signed-in user, for application services that keep something per user.</summary>
public sealed class CircuitUser(AuthenticationStateProvider authentication) : Application.Analysis.ICurrentUser
{
    public async Task<System.Security.Claims.ClaimsPrincipal> GetAsync() => (await authentication.GetAuthenticationStateAsync()).User;
}

/// <summary>The sign-in page's password check: ASP.NET Core Identity's, with lockout after repeated failures.</summary>
public sealed class IdentityPasswordSignIn(Microsoft.AspNetCore.Identity.SignInManager<Dashboard.Data.Entities.DashboardUser> signIn) : Application.Access.IPasswordSignIn
{
    public async Task<Application.Access.SignInOutcome> SignInAsync(string email, string password, bool remember)
    {
        var result = await signIn.PasswordSignInAsync(email, password, remember, lockoutOnFailure: true);
        return result.Succeeded ? Application.Access.SignInOutcome.Succeeded
            : result.IsLockedOut ? Application.Access.SignInOutcome.LockedOut
            : result.IsNotAllowed ? Application.Access.SignInOutcome.NotAllowed
            : Application.Access.SignInOutcome.Failed;
    }
}
