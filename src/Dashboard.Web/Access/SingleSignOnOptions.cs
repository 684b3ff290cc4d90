using System.Security.Claims;
using Dashboard.Data.Access;
using Dashboard.Domain.Access;

namespace Dashboard.Web.Access;

/// <summary>
/// External single sign-on through OpenID Connect, off unless configured ("Authentication:OpenIdConnect"). A person
/// who signs in there becomes a local user on first sign-in; their role and markets come from two claims of the
/// identity provider at every sign-in, so the provider stays the one place where rights are granted.
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string SectionName = "Authentication:OpenIdConnect";
    public const string Scheme = "oidc";

    public bool Enabled { get; set; }

    /// <summary>The identity provider's issuer address (its discovery document lives under it).</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>Shown on the sign-in page's button: "Sign in with …".</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>The claim whose values are role names (admin, director, regional, viewer); the highest one wins.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim whose values are market codes ("DE") or region grants ("region:emea").</summary>
    public string MarketClaim { get; set; } = "markets";

    /// <summary>Only for a provider without a discovery document: its authorization and token endpoints.</summary>
    public string? AuthorizationEndpoint { get; set; }

    public string? TokenEndpoint { get; set; }
}

/// <summary>What a provider's claims grant: the role and markets of METRICS.md "Access", or why nothing.</summary>
public sealed record ExternalGrant(string Email, string Name, string? Role, IReadOnlyList<ScopeGrant> Grants, string? Problem);

public static class ExternalClaims
{
    /// <summary>Reads e-mail, name, the highest recognised role and the market grants; unknown roles and malformed grants are ignored.</summary>
    public static ExternalGrant Read(ClaimsPrincipal principal, SingleSignOnOptions options)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(options);
        var email = principal.FindFirst("email")?.Value ?? principal.FindFirst(ClaimTypes.Email)?.Value ?? "";
        var name = principal.FindFirst("name")?.Value ?? principal.FindFirst(ClaimTypes.Name)?.Value ?? email;
        var roles = principal.FindAll(options.RoleClaim).Select(c => c.Value.Trim().ToLowerInvariant()).ToHashSet();
        var role = Roles.All.FirstOrDefault(roles.Contains);
        var grants = new List<ScopeGrant>();
        foreach (var value in principal.FindAll(options.MarketClaim).Select(c => c.Value.Trim()).Where(v => v.Length > 0))
        {
            try
            {
                grants.Add(ScopeGrant.Parse(value.Contains(':', StringComparison.Ordinal) ? value : $"{ScopeGrant.MarketKind}:{value}"));
            }
            catch (ArgumentException)
            {
                // A value that is neither a market code nor market:/region: grants nothing.
            }
        }

        var problem = email.Length == 0 ? "the identity provider sent no e-mail claim"
            : role is null ? $"the identity provider's '{options.RoleClaim}' claim names none of the roles {string.Join(", ", Roles.All)}"
            : null;
        return new ExternalGrant(email, name, role, grants, problem);
    }
}
