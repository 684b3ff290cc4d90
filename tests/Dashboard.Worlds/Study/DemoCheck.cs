using System.Globalization;
using Dashboard.Attribution.Valuation;
using Dashboard.Data;
using Dashboard.Data.Snapshots;
using Dashboard.DemoData.Truth;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Microsoft.Data.Sqlite;

namespace Dashboard.Worlds.Study;

/// <summary>
/// The valuation with the study's settings on seeded demo databases (the planted-truth tests' templates, each with its
/// truth.json beside it): engagement against the planted value, intervals covering, the vanity type. For comparing a
/// variant on the demo before it becomes the default.
/// </summary>
public static class DemoCheck
{
    public static async Task<string> RunAsync(string database, ValuationSettings settings, CancellationToken ct = default)
    {
        var truth = DemoTruthJson.Read(database + ".truth.json");
        var folder = Directory.CreateTempSubdirectory("demo-check-");
        var copy = Path.Combine(folder.FullName, "demo.db");
        File.Copy(database, copy);
        FactSnapshot snapshot;
        try
        {
            await using var db = DashboardDatabase.OpenSqlite(copy);
            snapshot = await SnapshotLoader.LoadAsync(db, ct);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = ValuationModel.Run(snapshot, new ValuationQuery { Scope = AccessScope.All, Settings = settings });
        clock.Stop();
        var planted = truth.Events.ToDictionary(e => e.Event, e => e.ValueUsd);
        var engagement = result.Events.Sum(e => e.Volume * planted[e.Event]);
        var valued = result.Events.Where(e => e.Value is not null && e.Identified).ToList();
        var covered = valued.Count(e => e.Low <= planted[e.Event] && planted[e.Event] <= e.High);
        var vanity = result.Events.Where(e => truth.VanityEvents.Contains(e.Event) && (e.Low > 0 || e.High < 0)).Select(e => e.Event);
        var types = string.Join(", ", result.Events.Where(e => e.Value is not null)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Event} {e.Value:0.00} [{e.Low:0.00}, {e.High:0.00}] for {planted[e.Event]:0.00}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"{string.Join("\n  ", result.Notes)}\n{Path.GetFileName(database)}: engagement {result.EngagementValue / engagement - 1:+0.0%;−0.0%} [{result.EngagementLow / engagement - 1:+0.0%;−0.0%}, {result.EngagementHigh / engagement - 1:+0.0%;−0.0%}], covered {covered}/{valued.Count}, vanity excluding 0: {string.Join(",", vanity)}; verdict {result.Verdict}; markets {result.Markets}; {clock.Elapsed.TotalSeconds:0.00} s\n  {types}");
    }
}
