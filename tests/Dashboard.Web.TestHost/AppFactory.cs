using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Dashboard.TestSupport;

namespace Dashboard.Web.TestHost;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 on a free port, over its own copy of a database file.
/// Disposing stops the server and deletes the database.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly TempDatabase _database;
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;
    private readonly string _environment;
    private TimeProvider? _time;

    private AppFactory(TempDatabase database, IDictionary<string, string?> settings, bool ownsDatabase = true, string environment = "Development")
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _environment = environment;
        _settings = new(settings, StringComparer.Ordinal) { ["Database:SqlitePath"] = database.Path };

        // Dozens of apps start in a test run: each starts Chromium only when a test asks it to draw.
        _settings.TryAdd("Rendering:WarmUpAtStart", "false");
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public TempDatabase Database => _database;

    /// <summary>Starts the app over a copy of the seeded demo template.</summary>
    public static async Task<AppFactory> StartSeededAsync(IDictionary<string, string?>? settings = null)
    {
        var template = await SeededTemplate.GetAsync();
        var factory = new AppFactory(TempDatabase.CopyOf(template), settings ?? new Dictionary<string, string?>());
        factory.StartServer();
        return factory;
    }

    /// <summary>Starts the app over a copy of the seeded demo template with its clock pinned to <paramref name="time"/>.</summary>
    public static async Task<AppFactory> StartSeededAsync(IDictionary<string, string?> settings, TimeProvider time)
    {
        var factory = new AppFactory(TempDatabase.CopyOf(await SeededTemplate.GetAsync()), settings) { _time = time };
        factory.StartServer();
        return factory;
    }

    /// <summary>Starts the app over a copy of the seeded template after <paramref name="prepare"/> has changed the copy (an extra import, say).</summary>
    public static async Task<AppFactory> StartSeededAsync(Func<TempDatabase, Task> prepare)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var database = TempDatabase.CopyOf(await SeededTemplate.GetAsync());
        await prepare(database);
        var factory = new AppFactory(database, new Dictionary<string, string?>());
        factory.StartServer();
        return factory;
    }

    /// <summary>Starts the app over a copy of any database file (the benchmark's large demo data, say).</summary>
    public static AppFactory StartOnCopyOf(string databasePath, IDictionary<string, string?> settings)
    {
        var factory = new AppFactory(TempDatabase.CopyOf(databasePath), settings);
        factory.StartServer();
        return factory;
    }

    /// <summary>A second instance on another app's database (as behind a load balancer); it leaves the file to its owner.</summary>
    public static AppFactory StartBeside(AppFactory first)
    {
        ArgumentNullException.ThrowIfNull(first);
        var factory = new AppFactory(first._database, new Dictionary<string, string?>(), ownsDatabase: false);
        factory.StartServer();
        return factory;
    }

    /// <summary>
    /// Starts the app on a database of either provider that the caller owns and disposes; several instances may share
    /// it, as behind a load balancer.
    /// </summary>
    public static AppFactory StartOn(ProviderDatabase database, IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(database);
        var all = new Dictionary<string, string?>(settings, StringComparer.Ordinal)
        {
            ["Database:Provider"] = database.Options.Provider,
            ["Database:ConnectionString"] = database.Options.ConnectionString,
        };
        var factory = new AppFactory(database.FolderDatabase, all, ownsDatabase: false);
        factory.StartServer();
        return factory;
    }

    /// <summary>Starts the app over a copy of the seeded template in another environment (Production, say).</summary>
    public static async Task<AppFactory> StartSeededInAsync(string environment)
    {
        var factory = new AppFactory(TempDatabase.CopyOf(await SeededTemplate.GetAsync()), new Dictionary<string, string?>(), environment: environment);
        factory.StartServer();
        return factory;
    }

    /// <summary>Starts the app on a database file that does not exist yet, as on a fresh clone.</summary>
    public static AppFactory StartOnNewDatabase(IDictionary<string, string?> settings)
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-test-").FullName;
        var factory = new AppFactory(TempDatabase.At(folder), settings);
        factory.StartServer();
        return factory;
    }

    /// <summary>
    /// An HTTP client signed in through the real sign-in form (anti-forgery token and all) as one of the demo users,
    /// which a Development start creates.
    /// </summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = Dashboard.Data.Access.DemoUsers.Password, CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = RootUri };
        var form = await client.GetStringAsync("account/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync("account/sign-in", body);
        if (response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/account/sign-in", StringComparison.Ordinal) == true)
        {
            client.Dispose();
            throw new InvalidOperationException($"signing in as {email} failed: still on the sign-in page");
        }

        return client;
    }

    public Uri RootUri => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // The browser keeps a Blazor connection open; without this, stopping waits for it for up to 25 s.
        builder.ConfigureServices(services => services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1)));
        if (_time is { } time)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
