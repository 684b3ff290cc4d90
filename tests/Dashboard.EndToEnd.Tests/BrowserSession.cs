using Microsoft.Playwright;

namespace Dashboard.EndToEnd.Tests;

/// <summary>Debian's Chromium driven by Playwright (its own browser download cannot work offline).</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        Playwright = playwright;
        Browser = browser;
    }

    public IPlaywright Playwright { get; }

    /// <summary>
    /// How long to wait for an answer that comes after the figures reload (every fact row read again: an import, a
    /// rollback, an erasure, a definition saved): seconds on an idle machine, tens while the other test assemblies fit models.
    /// </summary>
    public const int ReloadTimeout = 60_000;

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium.");
        }

        // Two cores shared with the other test assemblies: give the app time to answer, never retry.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Args = Args, Headless = true });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>Waits until the Blazor circuit has rendered the layout: before that, clicks reach only prerendered HTML.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);

    /// <summary>Signs in through the sign-in page as a demo user, then waits for the app's circuit on the page it lands on.</summary>
    public static async Task SignInAsync(IPage page, Uri root, string email, string path = "")
    {
        await page.GotoAsync(new Uri(root, "account/sign-in?returnUrl=" + Uri.EscapeDataString("/" + path)).ToString());
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Dashboard.Data.Access.DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(root, path).ToString());
        await WaitForCircuitAsync(page);
    }

    /// <summary>
    /// Picks an option of a labelled select and waits until the select shows it: the pick travels to the server and
    /// back (the server renders the shown text), and a form submitted before that sends the old value; a user sees the
    /// new one before clicking on.
    /// </summary>
    public static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true })).ToHaveTextAsync(option);
    }

    /// <summary>Collects the page's Content-Security-Policy violations (the browser reports each on the console).</summary>
    public static List<string> TrackPolicyViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        return violations;
    }

    /// <summary>Collects the page's console errors (a page must load without any).</summary>
    public static List<string> TrackConsoleErrors(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        return errors;
    }

    /// <summary>Where screenshots go: kept as test artifacts.</summary>
    public static string ArtifactPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}
