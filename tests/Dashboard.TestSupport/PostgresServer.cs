using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Dashboard.TestSupport;

/// <summary>
/// A throwaway PostgreSQL server for tests: a fresh cluster in a temporary folder, on 127.0.0.1 at a free port, run as
/// a non-root user (the "postgres" account when the tests run as root; PostgreSQL refuses root), stopped and deleted
/// on dispose. One per test run (<see cref="SharedAsync"/>); each test takes a database of its own.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _shared;
    private readonly string _folder;
    private int _databases;

    private PostgresServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server every test of this process shares, started on first use.</summary>
    public static async Task<PostgresServer> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                _shared = await StartAsync();

                // A fallback only: the test assemblies stop the server before their runner returns (StopSharedAsync),
                // because a slow exit hook makes the runner report "foreground threads left running" and fail.
                AppDomain.CurrentDomain.ProcessExit += (_, _) => StopSharedAsync().GetAwaiter().GetResult();
            }

            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the shared server (if one was started) and deletes its files; safe to call more than once.</summary>
    public static async Task StopSharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            var server = _shared;
            _shared = null;
            if (server is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await server.StopAsync();
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Drops a database a test made (its connections are ended first), so the cluster stays small.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>A new, empty database on this server; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync() => await CreateAsync(template: null);

    /// <summary>
    /// A new database with the schema and reference data: a copy of a template migrated once per test run, which
    /// takes a fraction of a second where migrating each database took seconds.
    /// </summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        await _templateGate.WaitAsync();
        try
        {
            if (_template is null)
            {
                var connection = await CreateAsync(template: null);
                await using (var db = Dashboard.Data.DashboardDatabase.OpenPostgres(connection))
                {
                    await Dashboard.Data.DatabaseInitializer.MigrateAsync(db);
                }

                // A template may have no open connections while it is copied.
                await using (var pooled = new NpgsqlConnection(connection))
                {
                    NpgsqlConnection.ClearPool(pooled);
                }

                _template = new NpgsqlConnectionStringBuilder(connection).Database;
            }
        }
        finally
        {
            _templateGate.Release();
        }

        return await CreateAsync(_template);
    }

    private readonly SemaphoreSlim _templateGate = new(1, 1);
    private string? _template;

    private async Task<string> CreateAsync(string? template)
    {
        var name = $"test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=dashboard;Database={database};Pooling=true";

    private static async Task<PostgresServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-pg-").FullName;
        var port = FreePort();
        var server = new PostgresServer(folder, port);
        var data = Path.Combine(folder, "data");
        if (IsRoot)
        {
            await RunAsync("chown", $"-R postgres:postgres {folder}");
        }

        await RunAsync(Tool("initdb"), $"-D {data} -A trust -U dashboard -E UTF8 --locale=C.UTF-8 --no-sync", asPostgres: true);
        await RunAsync(Tool("pg_ctl"),
            $"-D {data} -l {Path.Combine(folder, "server.log")} -w -t 60 -o \"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c timezone=UTC -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start",
            asPostgres: true);
        return server;
    }

    private async Task StopAsync()
    {
        try
        {
            await RunAsync(Tool("pg_ctl"), $"-D {Path.Combine(_folder, "data")} -m immediate -w stop", asPostgres: true);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!ReferenceEquals(this, _shared))
        {
            await StopAsync();
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Debian keeps the server's programs under /usr/lib/postgresql/VERSION/bin, off the PATH.</summary>
    private static string Tool(string name)
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Order(StringComparer.Ordinal).ToList() : [];
        foreach (var version in Enumerable.Reverse(versions))
        {
            var path = Path.Combine(version, "bin", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"PostgreSQL's {name} was not found under /usr/lib/postgresql: test.sh installs Debian's postgresql.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string arguments, bool asPostgres = false)
    {
        var (file, args) = asPostgres && IsRoot ? ("runuser", $"-u postgres -- {program} {arguments}") : (program, arguments);
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {args} exited {process.ExitCode}: {await error}{await output}");
        }
    }
}
