using Dashboard.TestSupport;

[assembly: AssemblyFixture(typeof(Dashboard.Data.Tests.PostgresLifetime))]

namespace Dashboard.Data.Tests;

/// <summary>
/// Stops the test run's PostgreSQL server when the assembly's tests are done, before the runner returns: left to the
/// process-exit hook, stopping it and deleting its files counted against the runner's 10 s exit watchdog.
/// </summary>
public sealed class PostgresLifetime : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await PostgresServer.StopSharedAsync();
}
