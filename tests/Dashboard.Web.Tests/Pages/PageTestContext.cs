using Dashboard.Application.Analysis;
using Dashboard.Application.Preferences;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Query;
using Dashboard.TestSupport;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Pages;

/// <summary>
/// A page rendered by bUnit over the real seeded demo snapshot (a real SQLite file, loaded once per test run), seen by a
/// user with a fixed scope and preferences. Controls that keep per-user state (the exports menu, saved views) are stubbed:
/// a page test is about the page's own behaviour.
/// </summary>
public abstract class PageTestContext : BunitContext
{
    private static readonly Lazy<Task<SnapshotAnalysis>> Seeded = new(LoadAsync);

    protected PageTestContext()
    {
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        JSInterop.Mode = JSRuntimeMode.Loose;
        ComponentFactories.AddStub<PageExports>();
        ComponentFactories.AddStub<SavedViewsMenu>();
        // The calibration section waits for a media model fit: the end-to-end test reads it in the running app.
        ComponentFactories.AddStub<CalibrationPanel>();
        Services.AddSingleton<IAnalysisSource>(new FixedAnalysis(Seeded.Value));
        Services.AddSingleton<IViewer>(Viewer);
        // A signed-in analyst who may export: download links and menus render as they do for them.
        var authorization = AddAuthorization();
        authorization.SetAuthorized(Viewer.Actor);
        authorization.SetPolicies(Hosting.AccessHosting.ExportPolicyName);
    }

    /// <summary>
    /// Renders the page as a live circuit does (interactive, with the popover provider that select lists open in). A
    /// test adds its own services before this.
    /// </summary>
    protected IRenderedComponent<TPage> Open<TPage>()
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
        return Render<TPage>();
    }

    /// <summary>Who looks at the page; a test may narrow the scope before it renders.</summary>
    protected FixedViewer Viewer { get; } = new(AccessScope.All, DisplayPreferences.Default);

    protected static Task<SnapshotAnalysis> AnalysisAsync() => Seeded.Value;

    /// <summary>Sets the browser's address, as a copied link would, before the page renders.</summary>
    protected void OpenAt(string relativeUri) => Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().NavigateTo(relativeUri);

    protected Uri CurrentUri => new(Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().Uri);

    private static async Task<SnapshotAnalysis> LoadAsync()
    {
        await using var temp = TempDatabase.CopyOf(await SeededTemplate.GetAsync());
        await using var db = temp.Open();
        return new SnapshotAnalysis(await SnapshotLoader.LoadAsync(db));
    }

    private sealed class FixedAnalysis(Task<SnapshotAnalysis> analysis) : IAnalysisSource
    {
        public async ValueTask<SnapshotAnalysis> GetAnalysisAsync(CancellationToken ct = default) => await analysis;
    }
}

/// <summary>A page test that writes: its own copy of the seeded database file, deleted after the test.</summary>
public abstract class DatabasePageTestContext : PageTestContext, IAsyncLifetime
{
    private TempDatabase? _database;

    protected TempDatabase Database => _database ?? throw new InvalidOperationException("the database is copied before the test runs");

    public async ValueTask InitializeAsync() => _database = TempDatabase.CopyOf(await SeededTemplate.GetAsync());

    /// <summary>Adds a director of every market through <c>dashboard users add</c>, as an administrator would, and returns them signed in.</summary>
    protected async Task<System.Security.Claims.ClaimsPrincipal> AddDirectorAsync(string email)
    {
        var added = await Cli.RunAsync("users", "add", "--email", email, "--role", "director", "--password", "Correct-horse-9!", "--db", Database.Path);
        Assert.True(added.Exit == 0, added.Err);
        var id = await Database.TextAsync($"SELECT id FROM users WHERE email = '{email}'");
        return PrincipalUser.Of(id!, email);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class FixedViewer(AccessScope scope, DisplayPreferences preferences) : IViewer
{
    public AccessScope Scope { get; set; } = scope;

    public DisplayPreferences Preferences { get; set; } = preferences;

    public Task<AccessScope> ScopeAsync() => Task.FromResult(Scope);

    public Task<DisplayPreferences> PreferencesAsync() => Task.FromResult(Preferences);

    public string Actor { get; set; } = "tester@demo.local";

    public Task<string> ActorAsync() => Task.FromResult(Actor);
}

/// <summary>The signed-in user an application service asks for, as the test sets them (it may change mid-test).</summary>
public sealed class PrincipalUser(Func<System.Security.Claims.ClaimsPrincipal> user) : ICurrentUser
{
    public Task<System.Security.Claims.ClaimsPrincipal> GetAsync() => Task.FromResult(user());

    /// <summary>A signed-in user with an id and an e-mail (also their name).</summary>
    public static System.Security.Claims.ClaimsPrincipal Of(string id, string email) =>
        new(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, id), new(System.Security.Claims.ClaimTypes.Email, email), new(System.Security.Claims.ClaimTypes.Name, email)], "test"));
}
