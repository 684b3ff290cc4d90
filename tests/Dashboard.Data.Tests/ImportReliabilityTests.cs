using System.Diagnostics;
using Dashboard.Application.Analysis;
using Dashboard.Data.Imports;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;
using Dashboard.TestSupport;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data.Tests;

/// <summary>
/// An import is one transaction: a process killed in the middle leaves the data as it was; two imports at once and
/// readers during an import see the old data or the new, never part of an import, and never "database is locked".
/// </summary>
public sealed class ImportReliabilityTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Killing_the_process_in_the_middle_of_a_large_import_leaves_the_database_as_it_was_and_a_restart_imports(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions, "good.csv");
        var before = await temp.FingerprintAsync();
        var file = Path.Combine(temp.Folder, "large.csv");
        var total = LargeFiles.MicroConversions(file, 1_500_000, new DateOnly(2000, 1, 1), ["US", "GB", "JP", "MX", "AU"]);

        // Killed while the import is under way: its transaction is open and 500,000 rows are staged.
        using (var process = StartCli(["import", "micro_conversions", file, .. temp.CliArgs]))
        {
            string? line;
            while ((line = await process.StandardError.ReadLineAsync(Ct)) is not null && !line.Contains("500,000 rows read", StringComparison.Ordinal))
            {
            }

            Assert.NotNull(line);
            Assert.False(process.HasExited, "the import finished before it could be killed");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(before, await temp.FingerprintAsync());
        Assert.Equal(0, await temp.CountAsync("SELECT COUNT(*) FROM imports WHERE outcome = 'running'"));

        using (var again = StartCli(["import", "micro_conversions", file, .. temp.CliArgs]))
        {
            await again.WaitForExitAsync(Ct);
            Assert.True(again.ExitCode == 0, await again.StandardError.ReadToEndAsync(Ct));
        }

        Assert.Equal(total, await temp.CountAsync("SELECT SUM(count) FROM micro_conversions WHERE import_id = (SELECT MAX(id) FROM imports) AND superseded_by IS NULL"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_imports_at_once_and_readers_during_them_never_see_part_of_an_import(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions, "good.csv");
        const string Sum = "SELECT COALESCE(SUM(count), 0) FROM micro_conversions WHERE superseded_by IS NULL";
        var start = await temp.CountAsync(Sum);
        var fileA = Path.Combine(temp.Folder, "a.csv");
        var fileB = Path.Combine(temp.Folder, "b.csv");
        var a = LargeFiles.MicroConversions(fileA, 300_000, new DateOnly(2000, 1, 1), ["US", "GB", "JP"]);
        var b = LargeFiles.MicroConversions(fileB, 300_000, new DateOnly(2000, 1, 1), ["MX", "AU", "FR"]);
        var allowed = new HashSet<long> { start, start + a, start + b, start + a + b };

        using var stop = new CancellationTokenSource();
        var store = new MetricsSnapshotStore(temp.Factory());
        var seenSql = new HashSet<long>();
        var seenEngine = new HashSet<long>();
        var readers = Task.WhenAll(
            Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    seenSql.Add(await temp.CountAsync(Sum));
                }
            }, Ct),
            Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var engine = await store.RefreshAsync(Ct);
                    seenEngine.Add((long)(engine.Run(new MetricsQuery
                    {
                        Range = new DateRange(new DateOnly(1999, 1, 1), new DateOnly(2099, 12, 31)),
                        Measures = ["micro_conversions"],
                        Scope = AccessScope.All,
                    }).Totals.Values["micro_conversions"].Value ?? -1));
                }
            }, Ct));

        var imports = await Task.WhenAll(ImportAsync(temp, fileA), ImportAsync(temp, fileB));
        await stop.CancelAsync();
        await readers;
        store.Dispose();

        Assert.All(imports, r => Assert.True(r.Stored, string.Join("; ", r.Errors)));
        Assert.Equal(start + a + b, await temp.CountAsync(Sum));
        Assert.Subset(allowed, seenSql);
        Assert.Subset(allowed, seenEngine);
        // The readers ran while the data changed under them: they saw the totals before and after an import.
        Assert.Contains(start, seenSql);
        Assert.True(seenSql.Count >= 2, "the SQL reader saw no import land");
    }

    private static async Task<ImportResult> ImportAsync(ProviderDatabase temp, string file)
    {
        await Task.Yield();
        await using var db = temp.Open();
        return await new FileImporter(db, TimeProvider.System).ImportFileAsync("micro_conversions", file, "tester", ct: Ct);
    }

    private static Process StartCli(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dashboard.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }
}
