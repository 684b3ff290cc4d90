using System.Security.Claims;
using System.Text.Encodings.Web;
using Dashboard.Data;
using Dashboard.Data.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Access;

/// <summary>
/// Authenticates `/api` calls by API key (header `X-Api-Key: roi_…`, or `Authorization: Bearer roi_…`). The key's role
/// and grants become the caller's, so the same scope resolution applies as for a signed-in user.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IDbContextFactory<DashboardDbContext> contexts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string KindClaim = "auth_kind";
    public const string GrantClaim = "scope_grant";
    public const string ImportClaim = "can_import";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[Header].FirstOrDefault();
        if (presented is null && Request.Headers.Authorization.FirstOrDefault() is { } authorization
            && authorization.StartsWith("Bearer roi_", StringComparison.Ordinal))
        {
            presented = authorization["Bearer ".Length..];
        }

        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        if (await ApiKeys.FindAsync(db, presented.Trim(), Context.RequestAborted) is not { } key)
        {
            // Same answer for a malformed, unknown, wrong or revoked key.
            return AuthenticateResult.Fail("the API key is not valid");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"apikey:{key.Id}"),
            new(ClaimTypes.Name, $"API key {key.Name} ({key.Prefix})"),
            new(ClaimTypes.Role, key.Role),
            new(KindClaim, "api_key"),
            new(ImportClaim, key.CanImport ? "true" : "false"),
        };
        claims.AddRange(ApiKeys.GrantsOf(key).Select(g => new Claim(GrantClaim, g.ToString())));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}
