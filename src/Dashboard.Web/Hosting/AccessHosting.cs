using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Data.Entities;
using Dashboard.Web.Access;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Hosting;

/// <summary>Sign-in (ASP.NET Core Identity, cookies), the authorization policies and the shared Data Protection keys.</summary>
public static class AccessHosting
{
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";

    public static IServiceCollection AddDashboardAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingStateProvider>();
        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = IdentityConstants.ApplicationScheme;
            options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        });
        authentication.AddIdentityCookies();
        authentication.AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        var sso = configuration.GetSection(SingleSignOnOptions.SectionName).Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        services.AddSingleton(sso);
        if (sso.Enabled)
        {
            authentication.AddOpenIdConnect(SingleSignOnOptions.Scheme, sso.DisplayName, options => SingleSignOn.Configure(options, sso));
        }
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "roi.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);

            // An API caller gets a status code, not the sign-in page.
            options.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
        });
        services.AddIdentityCore<DashboardUser>(IdentityRules.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DashboardClaimsFactory>()
            .AddDefaultTokenProviders();

        // Every page and endpoint needs a signed-in user unless it says otherwise (sign-in page, health, assets).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ExportPolicyName, ExportPolicy)
            .AddPolicy(Imports.ImportEndpoints.ImportPolicyName, ImportPolicy);
        services.AddDataProtection().PersistKeysToDbContext<DashboardDbContext>().SetApplicationName("micro-conversion-roi");
        // A changed role or grant (or a locked account) reaches a signed-in session within a minute, not at its next sign-in.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        // The security headers send X-Frame-Options: DENY; anti-forgery would add a second, weaker SAMEORIGIN.
        services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);
        services.AddSingleton<UserScopes>();
        services.AddScoped<CircuitScope>();
        services.AddScoped<Application.Analysis.ICurrentUser, CircuitUser>();
        services.AddScoped<Application.Preferences.PreferencesService>();
        services.AddScoped<Application.Dashboards.SavedScenariosService>();
        services.AddScoped<Application.Dashboards.SavedViewsService>();
        services.AddScoped<Application.Access.IPasswordSignIn, IdentityPasswordSignIn>();
        services.AddScoped<Application.Access.SignInService>();
        services.AddScoped<Application.Admin.UsersService>();
        services.AddScoped<Application.Admin.ApiKeysService>();
        services.AddScoped<Application.Schedules.SchedulesService>();
        services.AddScoped<Application.Admin.DefinitionsService>();
        services.AddScoped<Application.Analysis.IViewer, CircuitViewer>();
        return services;
    }

    private static Task Status(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public const string ExportPolicyName = "export";

    /// <summary>Downloads: a signed-in user or an API key whose role may export (not a viewer).</summary>
    public static Microsoft.AspNetCore.Authorization.AuthorizationPolicy ExportPolicy { get; } =
        new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme, ApiKeyAuthentication.SchemeName)
            .RequireAuthenticatedUser().RequireRole(Dashboard.Domain.Access.Roles.Exporters).Build();

    /// <summary>Loading data over HTTP: a signed-in admin, or an API key created to import.</summary>
    public static Microsoft.AspNetCore.Authorization.AuthorizationPolicy ImportPolicy { get; } =
        new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme, ApiKeyAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.IsInRole(Dashboard.Domain.Access.Roles.Admin) || c.User.HasClaim(ApiKeyAuthentication.ImportClaim, "true"))
            .Build();

    /// <summary>The policy of `/api`: a signed-in user (cookie) or an API key.</summary>
    public static Microsoft.AspNetCore.Authorization.AuthorizationPolicy ApiPolicy { get; } =
        new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme, ApiKeyAuthentication.SchemeName)
            .RequireAuthenticatedUser().Build();

    /// <summary>GET /account/external-sign-in: off to the identity provider (when single sign-on is on).</summary>
    public static IEndpointRouteBuilder MapExternalSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/external-sign-in", (SingleSignOnOptions sso, string? returnUrl) =>
            sso.Enabled
                ? Results.Challenge(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = Application.Access.SignInService.SafeReturnUrl(returnUrl) }, [SingleSignOnOptions.Scheme])
                : Results.NotFound())
            .AllowAnonymous();
        return app;
    }

    /// <summary>POST /account/sign-out (with the anti-forgery token of the form that sends it).</summary>
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignOutPath, async (HttpContext context, SignInManager<DashboardUser> signIn, DashboardDbContext db, TimeProvider time) =>
        {
            // The anti-forgery middleware records its verdict; an endpoint without form parameters must act on it.
            if (context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                return Results.BadRequest();
            }

            await AuditLog.WriteAsync(db, time, context.User.Identity?.Name ?? "", AuditLog.SignOut);
            await signIn.SignOutAsync();
            return Results.LocalRedirect(SignInPath);
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
        return app;
    }
}
