using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Data.Entities;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Dashboard.Web.Access;

/// <summary>The OpenID Connect handler: authorization code with PKCE; on return, the local user is created or updated from the claims and signed in.</summary>
public static class SingleSignOn
{
    public static void Configure(OpenIdConnectOptions options, SingleSignOnOptions sso)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sso);
        options.Authority = sso.Authority;
        options.ClientId = sso.ClientId;
        options.ClientSecret = sso.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.SaveTokens = false;
        options.MapInboundClaims = false;
        options.CallbackPath = "/signin-oidc";
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.Scope.Add("email");
        options.Scope.Add("profile");
        if (sso.AuthorizationEndpoint is { Length: > 0 } authorize)
        {
            options.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = sso.Authority, AuthorizationEndpoint = authorize, TokenEndpoint = sso.TokenEndpoint,
            };
        }

        options.Events.OnTicketReceived = async context =>
        {
            var services = context.HttpContext.RequestServices;
            var grant = ExternalClaims.Read(context.Principal!, sso);
            IReadOnlyList<string> errors = grant.Problem is { } problem ? [problem] : [];
            DashboardUser? user = null;
            if (errors.Count == 0)
            {
                (user, errors) = await UserAccounts.UpsertExternalAsync(
                    services.GetRequiredService<UserManager<DashboardUser>>(), services.GetRequiredService<RoleManager<IdentityRole>>(),
                    services.GetRequiredService<DashboardDbContext>(), grant.Email, grant.Name, grant.Role!, grant.Grants);
            }

            context.HandleResponse();
            if (user is null)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger("Dashboard.SingleSignOn")
                    .LogWarning("Single sign-on refused for {Email}: {Errors}", grant.Email, string.Join("; ", errors));
                context.Response.Redirect("/account/access-denied");
                return;
            }

            await services.GetRequiredService<SignInManager<DashboardUser>>().SignInAsync(user, isPersistent: false);
            await AuditLog.WriteAsync(services.GetRequiredService<DashboardDbContext>(), services.GetRequiredService<TimeProvider>(), grant.Email, AuditLog.SignIn,
                details: $"single sign-on: {grant.Role}, {string.Join(", ", grant.Grants)}");
            context.Response.Redirect(Application.Access.SignInService.SafeReturnUrl(context.ReturnUri));
        };
    }
}
