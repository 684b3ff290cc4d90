using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dashboard.TestSupport;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 on a free port, over its own copy of a database file.
/// Disposing stops the server and deletes the database.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly TempDatabase _database;
    private readonly Dictionary<string, string?> _settings;

    private AppFactory(TempDatabase database, IDictionary<string, string?> settings)
    {
        _database = database;
        _settings = new(settings, StringComparer.Ordinal) { ["Database:SqlitePath"] = database.Path };
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

    /// <summary>Starts the app on a database file that does not exist yet, as on a fresh clone.</summary>
    public static AppFactory StartOnNewDatabase(IDictionary<string, string?> settings)
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-test-").FullName;
        var factory = new AppFactory(TempDatabase.At(folder), settings);
        factory.StartServer();
        return factory;
    }

    public Uri RootUri => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // The browser keeps a Blazor connection open; without this, stopping waits for it for up to 25 s.
        builder.ConfigureServices(services => services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
