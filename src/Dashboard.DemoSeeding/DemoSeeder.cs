using System.Diagnostics;
using Dashboard.Data;
using Dashboard.Data.Imports;
using Dashboard.DemoData;
using Dashboard.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.DemoSeeding;

public sealed record SeedResult(bool Seeded, string Message, IReadOnlyList<ImportResult> Imports, TimeSpan Duration);

/// <summary>
/// Seeds demo data by writing the generator's standard CSV files and importing them through the same importer
/// users have, so the demo database is exactly what a real import of those files gives.
/// </summary>
public sealed class DemoSeeder(DashboardDbContext db, TimeProvider time)
{
    /// <summary>Order matters only for readability of the import history: campaigns and rates before the facts.</summary>
    public static IReadOnlyList<string> ImportOrder { get; } =
    [
        ImportKinds.FxRates, ImportKinds.Campaigns, ImportKinds.Spend, ImportKinds.MicroConversions, ImportKinds.Sales,
        ImportKinds.Traffic, ImportKinds.Context, ImportKinds.HoldoutTests, ImportKinds.Journeys, ImportKinds.SurveyResponses,
    ];

    public const string TruthFileName = "demo-truth.json";

    /// <summary>Seeds only when no fact has ever been imported; returns what it did.</summary>
    public async Task<SeedResult> SeedIfEmptyAsync(DemoOptions options, string truthDirectory, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        if (await db.Imports.AnyAsync(ct))
        {
            return new SeedResult(false, "the database already holds imported data: demo data not seeded", [], TimeSpan.Zero);
        }

        return await SeedAsync(options, truthDirectory, progress, ct);
    }

    public async Task<SeedResult> SeedAsync(DemoOptions options, string truthDirectory, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var work = Directory.CreateTempSubdirectory("dashboard-demo-");
        try
        {
            progress?.Report(FormattableString.Invariant($"generating {options.Size} demo data ending {options.EndDate:yyyy-MM-dd}"));
            DemoDataGenerator.Write(options, work.FullName, progress);
            var importer = new FileImporter(db, time);
            var results = new List<ImportResult>();
            foreach (var kind in ImportOrder)
            {
                var file = Path.Combine(work.FullName, kind + ".csv");
                var result = await importer.ImportFileAsync(kind, file, "demo-seed", ct: ct);
                results.Add(result);
                progress?.Report(FormattableString.Invariant($"imported {result.Summary} in {result.Duration.TotalSeconds:0.0} s"));
                if (!result.Stored)
                {
                    throw new InvalidOperationException($"demo data for {kind} did not import: {string.Join("; ", result.Errors.Take(5))}");
                }
            }

            Directory.CreateDirectory(truthDirectory);
            File.Copy(Path.Combine(work.FullName, "truth.json"), Path.Combine(truthDirectory, TruthFileName), overwrite: true);
            var rows = results.Sum(r => r.Inserted);
            return new SeedResult(true, FormattableString.Invariant($"seeded {rows} rows of demo data in {clock.Elapsed.TotalSeconds:0.0} s"), results, clock.Elapsed);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
