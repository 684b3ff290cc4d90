using Dashboard.Data;
using Dashboard.DemoSeeding;
using Dashboard.DemoData;

namespace Dashboard.TestSupport;

/// <summary>
/// A small demo database seeded once per machine and build, copied by each test that needs one. Its name carries the
/// module version ids of the data and generator assemblies (deterministic builds: same code, same id), so a change of
/// either code seeds afresh.
/// </summary>
public static class SeededTemplate
{
    /// <summary>The fixed end date of the tests' demo data: the same date always gives the same data.</summary>
    public static readonly DateOnly EndDate = new(2026, 6, 30);

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static Task<string> GetAsync(CancellationToken ct = default) => GetAsync(EndDate, ct);

    /// <summary>The small demo data ending on another date: another realisation of the same planted world.</summary>
    public static async Task<string> GetAsync(DateOnly endDate, CancellationToken ct = default)
    {
        var version = typeof(DashboardDbContext).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12]
            + typeof(DemoDataGenerator).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-test-templates");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"small-{endDate:yyyyMMdd}-{version}.db"));
        await Gate.WaitAsync(ct);
        try
        {
            if (File.Exists(path) && File.Exists(TruthOf(path)))
            {
                return path;
            }

            // Other test processes may be seeding the same template: an exclusive lock file serialises them.
            await using var lockFile = await AcquireLockAsync(path + ".lock", ct);
            if (File.Exists(path) && File.Exists(TruthOf(path)))
            {
                return path;
            }

            // Each end date's truth is written in a folder of its own: templates of two dates may be seeded at once.
            var truthFolder = Directory.CreateDirectory(path + ".truth").FullName;
            var building = path + ".building";
            File.Delete(building);
            await using (var db = DashboardDatabase.OpenSqlite(building))
            {
                await DatabaseInitializer.MigrateAsync(db, ct);
                var result = await new DemoSeeder(db, TimeProvider.System).SeedAsync(new DemoOptions(endDate), truthFolder, null, ct);
                if (!result.Seeded)
                {
                    throw new InvalidOperationException(result.Message);
                }

                // One file, no WAL beside it, so a plain copy is a whole database.
                await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;", ct);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Copy(Path.Combine(truthFolder, DemoSeeder.TruthFileName), TruthOf(path), overwrite: true);
            File.Move(building, path, overwrite: true);
            PruneOtherVersions(folder, version);
            return path;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The planted truth of the template's data (truth.json of the generator), kept beside it.</summary>
    public static Task<Dashboard.DemoData.Truth.DemoTruth> TruthAsync(CancellationToken ct = default) => TruthAsync(EndDate, ct);

    public static async Task<Dashboard.DemoData.Truth.DemoTruth> TruthAsync(DateOnly endDate, CancellationToken ct = default) =>
        Dashboard.DemoData.Truth.DemoTruthJson.Read(TruthOf(await GetAsync(endDate, ct)));

    private static string TruthOf(string template) => template + ".truth.json";

    /// <summary>
    /// Templates of earlier builds (about 120 MB each) are deleted once a new one exists; one left alone for two hours
    /// is not in use by another test run of that build.
    /// </summary>
    private static void PruneOtherVersions(string folder, string version)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("small-*"))
        {
            if (entry.Name.Contains(version, StringComparison.Ordinal) || entry.LastWriteTimeUtc > TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-2))
            {
                continue;
            }

            try
            {
                if (entry is DirectoryInfo directory)
                {
                    directory.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run may hold it; the next seeding tries again.
            }
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, ct);
            }
        }
    }
}
