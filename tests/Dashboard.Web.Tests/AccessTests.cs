using System.Net;
using System.Text.Json;
using Dashboard.Domain.Access;
using Dashboard.Web.Shell;
using Dashboard.Web.TestHost;

namespace Dashboard.Web.Tests;

/// <summary>Sign-in, lock-out and market scope over HTTP against the real app (demo users of a Development start).</summary>
public sealed class AccessTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_signing_in_pages_lead_to_the_sign_in_page_and_the_API_answers_401()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var client = new HttpClient { BaseAddress = app.RootUri };

        using var page = await client.GetAsync("/attribution", Ct);
        using var api = await client.GetAsync("/api/attribution", Ct);

        Assert.Equal("/account/sign-in", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("returnurl=%2fattribution", page.RequestMessage.RequestUri.Query, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sign in", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var client = new HttpClient { BaseAddress = app.RootUri };

        using var response = await client.GetAsync("/account/sign-in", Ct);

        var csp = string.Join(" | ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task A_wrong_password_says_nothing_about_the_account_and_five_lock_it_even_against_the_right_one()
    {
        await using var app = await AppFactory.StartSeededAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignedInClientAsync("us@demo.local", "Wrong-password-1!"));
            Assert.Contains("still on the sign-in page", failure.Message, StringComparison.Ordinal);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignedInClientAsync("us@demo.local"));
        Assert.Equal(1, await app.Database.CountAsync("SELECT COUNT(*) FROM users WHERE email = 'us@demo.local' AND lockout_end IS NOT NULL"));
        using var other = await app.SignedInClientAsync("emea@demo.local");
    }

    [Fact]
    public async Task A_regional_user_gets_the_credit_of_their_own_markets_whatever_the_query_string_asks()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var us = await app.SignedInClientAsync("us@demo.local");
        using var director = await app.SignedInClientAsync("director@demo.local");
        const string Range = "model=last_touch&from=2026-01-01&to=2026-06-30";

        var own = JsonDocument.Parse(await us.GetStringAsync($"/api/attribution?{Range}", Ct)).RootElement;
        var usOnly = JsonDocument.Parse(await director.GetStringAsync($"/api/attribution?{Range}&market=US", Ct)).RootElement;
        var everything = JsonDocument.Parse(await director.GetStringAsync($"/api/attribution?{Range}", Ct)).RootElement;
        var askedForGermany = JsonDocument.Parse(await us.GetStringAsync($"/api/attribution?{Range}&market=DE", Ct)).RootElement;

        Assert.Equal(usOnly.GetProperty("totals").GetRawText(), own.GetProperty("totals").GetRawText());
        Assert.True(everything.GetProperty("totals").GetProperty("conversions").GetInt32() > own.GetProperty("totals").GetProperty("conversions").GetInt32());
        Assert.Equal(0, askedForGermany.GetProperty("totals").GetProperty("conversions").GetInt32());
    }

    [Fact]
    public async Task Admin_pages_are_closed_to_a_regional_user_and_a_viewer_and_open_to_an_admin()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var us = await app.SignedInClientAsync("us@demo.local");
        using var viewer = await app.SignedInClientAsync("viewer@demo.local");
        using var admin = await app.SignedInClientAsync("admin@demo.local");

        var closed = await us.GetStringAsync("/data/imports", Ct);
        var open = await admin.GetStringAsync("/data/imports", Ct);

        Assert.Contains("Your role does not give access to this page.", closed, StringComparison.Ordinal);
        foreach (var page in AppPages.Data.Where(p => p.Roles == Roles.Admin))
        {
            Assert.Contains("Your role does not give access to this page.", await viewer.GetStringAsync("/" + page.Href, Ct), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Your role does not give access", open, StringComparison.Ordinal);
        Assert.Contains("Import history", open, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_is_valid_on_another_on_the_same_database()
    {
        await using var first = await AppFactory.StartSeededAsync();
        await using var second = AppFactory.StartBeside(first);
        var cookies = new CookieContainer();
        using var signedIn = await first.SignedInClientAsync("emea@demo.local", cookies: cookies);
        using var other = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = second.RootUri };

        // The cookie was protected with keys the first instance keeps in the database; the second reads them there.
        using var response = await other.GetAsync("/api/journeys", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await first.Database.CountAsync("SELECT COUNT(*) FROM data_protection_keys") >= 1);
    }

    [Fact]
    public async Task Outside_Development_no_demo_user_exists()
    {
        await using var app = await AppFactory.StartSeededInAsync("Production");

        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM users"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignedInClientAsync("admin@demo.local"));
    }

    [Fact]
    public async Task The_body_limit_is_configurable_and_a_form_without_its_anti_forgery_token_is_refused()
    {
        await using var app = await AppFactory.StartSeededAsync(new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "4096" });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.RootUri };

        using var small = new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" });
        using var large = new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = new string('a', 5000) });
        using var withoutToken = await client.PostAsync("/account/sign-in", small, Ct);
        using var tooLarge = await client.PostAsync("/account/sign-in", large, Ct);

        // A form post without the anti-forgery token is refused, and so is one over the limit (its form cannot be read).
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.False(tooLarge.IsSuccessStatusCode);
        var kestrel = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value;
        Assert.Equal(4096, kestrel.Limits.MaxRequestBodySize);
    }

    [Fact]
    public async Task Sign_ins_failed_sign_ins_and_imports_appear_in_the_audit_log_for_admins_only()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignedInClientAsync("viewer@demo.local", "Not-the-password-1!"));
        using var viewer = await app.SignedInClientAsync("viewer@demo.local");
        using var admin = await app.SignedInClientAsync("admin@demo.local");

        var page = await admin.GetStringAsync("/admin/audit", Ct);
        var closed = await viewer.GetStringAsync("/admin/audit", Ct);

        Assert.Equal(1, await app.Database.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor = 'viewer@demo.local' AND action = 'sign_in_failed'"));
        Assert.Equal(1, await app.Database.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor = 'viewer@demo.local' AND action = 'sign_in'"));
        Assert.Contains("sign in failed", page, StringComparison.Ordinal);
        Assert.Contains("micro_conversions #", page, StringComparison.Ordinal); // the demo data's imports
        Assert.Contains("Your role does not give access to this page.", closed, StringComparison.Ordinal);
    }
}
