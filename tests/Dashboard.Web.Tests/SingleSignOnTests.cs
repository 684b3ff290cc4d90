using System.Net;
using System.Security.Claims;
using Dashboard.Web.Access;
using Dashboard.Web.TestHost;

namespace Dashboard.Web.Tests;

/// <summary>Single sign-on: the claim mapping, and the redirect to the identity provider when it is switched on.</summary>
public sealed class SingleSignOnTests
{
    private static readonly SingleSignOnOptions Options = new() { RoleClaim = "groups", MarketClaim = "markets" };

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));

    [Fact]
    public void The_highest_known_role_and_the_market_and_region_grants_are_read_from_the_claims()
    {
        var grant = ExternalClaims.Read(Principal(("email", "lead@example.com"), ("name", "Lee Lead"), ("groups", "viewer"), ("groups", "Regional"),
            ("groups", "marketing"), ("markets", "de"), ("markets", "region:EMEA"), ("markets", "planet:mars")), Options);

        Assert.Null(grant.Problem);
        Assert.Equal("regional", grant.Role);
        Assert.Equal("Lee Lead", grant.Name);
        Assert.Equal(["market:DE", "region:emea"], grant.Grants.Select(g => g.ToString()));
    }

    [Fact]
    public void Without_a_known_role_or_an_e_mail_nobody_is_let_in()
    {
        var noRole = ExternalClaims.Read(Principal(("email", "x@example.com"), ("groups", "marketing")), Options);
        var noEmail = ExternalClaims.Read(Principal(("groups", "director")), Options);

        Assert.Contains("names none of the roles", noRole.Problem, StringComparison.Ordinal);
        Assert.Contains("no e-mail", noEmail.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switched_on_the_sign_in_page_offers_it_and_it_leads_to_the_provider_with_code_and_PKCE()
    {
        await using var app = await AppFactory.StartSeededAsync(new Dictionary<string, string?>
        {
            ["Authentication:OpenIdConnect:Enabled"] = "true",
            ["Authentication:OpenIdConnect:Authority"] = "https://login.example.test",
            ["Authentication:OpenIdConnect:ClientId"] = "roi-dashboard",
            ["Authentication:OpenIdConnect:DisplayName"] = "Example SSO",
            ["Authentication:OpenIdConnect:AuthorizationEndpoint"] = "https://login.example.test/authorize",
            ["Authentication:OpenIdConnect:TokenEndpoint"] = "https://login.example.test/token",
        });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.RootUri };

        var page = await client.GetStringAsync("/account/sign-in", TestContext.Current.CancellationToken);
        using var challenge = await client.GetAsync("/account/external-sign-in?returnUrl=%2Fexperiments", TestContext.Current.CancellationToken);

        Assert.Contains("Sign in with Example SSO", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!.ToString();
        Assert.StartsWith("https://login.example.test/authorize?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=roi-dashboard", location, StringComparison.Ordinal);
        Assert.Contains("response_type=code", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString(new Uri(app.RootUri, "signin-oidc").ToString()), location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switched_off_there_is_no_external_sign_in()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var client = new HttpClient { BaseAddress = app.RootUri };

        using var response = await client.GetAsync("/account/external-sign-in", TestContext.Current.CancellationToken);
        var page = await client.GetStringAsync("/account/sign-in", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Sign in with", page, StringComparison.Ordinal);
    }
}
