using System.Diagnostics;
using Dashboard.Attribution.Incremental;
using Dashboard.Attribution.Lift;
using Dashboard.Attribution.Planning;
using Dashboard.Attribution.Valuation;
using Dashboard.Data;
using Dashboard.Data.Imports;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.Worlds.Simulation;
using Microsoft.Data.Sqlite;

namespace Dashboard.Worlds.Study;

/// <summary>What one world and seed gave: the truth, the oracle's and the product's estimates.</summary>
public sealed record RunResult(
    string World,
    int Seed,
    IReadOnlyDictionary<string, double> Truth,
    IReadOnlyList<Estimate> Oracle,
    IReadOnlyList<Estimate> Product,
    string? Verdict,
    TimeSpan ValuationTime,
    IReadOnlyList<string> Notes)
{
    /// <summary>Each paid channel's incremental ROAS over the study's period (with --incremental).</summary>
    public IReadOnlyList<ChannelResult> Channels { get; init; } = [];
}

/// <summary>A channel's true incremental ROAS over the period, its share of the period's spend, and the product's estimate (null: no curve).</summary>
public sealed record ChannelResult(string Channel, double TrueRoas, double SpendShare, Estimate? Product)
{
    /// <summary>In a world with a geo test: the test's kind ("heavy_up", "go_dark") on the tested channel, "other" on the rest.</summary>
    public string? Test { get; init; }

    /// <summary>The estimate after the world's test calibrated the model, by what the test may move (null: no test, or not applied).</summary>
    /// <remarks>Keys: each <see cref="CalibrationReach"/>, and "sound test" (the default reach given a read-out drawn around
    /// the test's truth with the product's interval width: what calibration does when the test itself can be believed).</remarks>
    public IReadOnlyDictionary<string, Estimate?> Calibrated { get; init; } = new Dictionary<string, Estimate?>();

    /// <summary>The same figure from the sales-only model (spend and sales alone), fitted on the same snapshot.</summary>
    public Estimate? RevenueOnly { get; init; }

    /// <summary>On the tested channel: whether the test's own 90% interval (the product's read-out) held what the test truly did.</summary>
    public bool? TestCovers { get; init; }
}

/// <summary>
/// Runs one world as a new user would: its standard files go through the real importer into a real SQLite file, the
/// snapshot is loaded as the app loads it, and the product's valuation answers on it.
/// </summary>
public sealed class WorldRun(string templateDatabase, ValuationSettings? settings = null, string? cache = null, bool incremental = false)
{
    public const string SoundTest = "sound test";

    /// <summary>The incremental estimand's period: 91 days ending 100 days before the data's end, so its carry-over is in the data.</summary>
    public static (int From, int To) IncrementalPeriod(int days) => (days - 191, days - 101);

    /// <summary>A migrated database with the default reference data, copied for each run.</summary>
    public static async Task<string> CreateTemplateAsync(string folder, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "template.db");
        await using var db = DashboardDatabase.OpenSqlite(path);
        await DatabaseInitializer.MigrateAsync(db, ct);
        await db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        return path;
    }

    /// <summary>Writes a world's standard files beside <paramref name="path"/> and imports them into a copy of the template there.</summary>
    public static async Task ImportAsync(WorldSample world, string templateDatabase, string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        File.Copy(templateDatabase, path);
        foreach (var (kind, file) in StandardFiles.Write(world, Path.Combine(Path.GetDirectoryName(path)!, "files")))
        {
            await using var db = DashboardDatabase.OpenSqlite(path);
            var result = await new FileImporter(db, TimeProvider.System).ImportFileAsync(kind, file, "world", ct: ct);
            if (!result.Stored)
            {
                throw new InvalidOperationException($"{world.Spec.Name}/{world.Seed}: {result.Summary}: {string.Join("; ", result.Errors.Take(5))}");
            }
        }

        SqliteConnection.ClearAllPools();
    }

    public async Task<RunResult> RunAsync(WorldSpec spec, int seed, CancellationToken ct = default)
    {
        var world = WorldSimulator.Simulate(spec, seed);
        var folder = Directory.CreateTempSubdirectory($"world-{spec.Name}-{seed}-").FullName;
        try
        {
            // A cache of imported worlds (the runner's --cache) lets a study of the estimator skip the import.
            var cached = cache is null ? null : Path.Combine(cache, FormattableString.Invariant($"{spec.Name}-{spec.Markets}x{spec.Days}-{seed}.db"));
            var path = Path.Combine(folder, "world.db");
            if (cached is not null && File.Exists(cached))
            {
                File.Copy(cached, path);
            }
            else
            {
                await ImportAsync(world, templateDatabase, path, ct);
                if (cached is not null)
                {
                    SqliteConnection.ClearAllPools();
                    File.Copy(path, cached, overwrite: true);
                }
            }

            await using var db = DashboardDatabase.OpenSqlite(path);
            var snapshot = await SnapshotLoader.LoadAsync(db, ct);
            var clock = Stopwatch.StartNew();
            var valuation = ValuationModel.Run(snapshot, new ValuationQuery { Scope = AccessScope.All, Settings = settings ?? ValuationSettings.Default });
            clock.Stop();

            var truth = new Dictionary<string, double>();
            for (var k = 0; k < WorldTypes.Keys.Count; k++)
            {
                if (world.TrueValue(k) is { } v)
                {
                    truth[WorldTypes.Keys[k]] = v;
                }
            }

            truth[Estimate.Engagement] = world.TrueEngagement();
            var product = ProductEstimates(valuation);
            foreach (var group in valuation.Groups)
            {
                // A group's estimand: the members' true values at the group's mix of reported actions.
                var volumes = group.Events.Select(e => (double)valuation.Events.Single(x => x.Event == e).Volume).ToList();
                truth[GroupName(group)] = group.Events.Select((e, i) => truth.GetValueOrDefault(e) * volumes[i]).Sum() / Math.Max(1, volumes.Sum());
            }

            return new RunResult(spec.Name, seed, truth, Oracle.Fit(world), product, valuation.Verdict, clock.Elapsed, [FormattableString.Invariant($"R² {valuation.RSquared:0.0000}, {valuation.Observations} rows; the world's error correlation {world.Persistence:0.00}"), .. valuation.Notes])
            {
                Channels = incremental ? Channels(world, snapshot, valuation) : [],
            };
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Each paid channel's true incremental ROAS over the period against the product's, from the response model on the same snapshot.</summary>
    private static List<ChannelResult> Channels(WorldSample world, FactSnapshot snapshot, ValuationResult valuation)
    {
        var model = ResponseModel.Fit(snapshot, AccessScope.All, valuation);
        var (from, to) = IncrementalPeriod(world.Days);
        var spends = world.Channels.Select((_, c) => WorldCounterfactual.Spend(world, c, from, to)).ToArray();
        var (calibrated, testCovers) = Calibrated(world, snapshot, model);
        var salesOnly = RevenueOnlyModel.Fit(snapshot, AccessScope.All);
        var results = new List<ChannelResult>();
        for (var c = 0; c < world.Channels.Count; c++)
        {
            var index = model.Channels.ToList().FindIndex(r => r.Channel == world.Channels[c]);
            var truth = WorldCounterfactual.IncrementalRevenue(world, c, from, to) / spends[c];
            Estimate? Roas(ResponseModel m) => index < 0 || ChannelIncrement.Of(m, index, world.Start.AddDays(from), world.Start.AddDays(to))?.Roas is not { } roas ? null
                : new Estimate(world.Channels[c], roas.Value, roas.Low, roas.High, true);
            results.Add(new ChannelResult(world.Channels[c], truth, spends[c] / spends.Sum(), Roas(model))
            {
                Test = world.Test is not { } test ? null : c != test.Channel ? "other" : test.Multiplier > 0 ? "heavy_up" : "go_dark",
                Calibrated = calibrated.ToDictionary(p => p.Key, p => p.Value is null ? null : Roas(p.Value)),
                TestCovers = world.Test?.Channel == c ? testCovers : null,
                RevenueOnly = salesOnly.Channels.Any(x => x.Channel == world.Channels[c])
                    && salesOnly.Of(world.Channels[c], world.Start.AddDays(from), world.Start.AddDays(to))?.Roas is { } r
                    ? new Estimate(world.Channels[c], r.Value, r.Low, r.High, true) : null,
            });
        }

        return results;
    }

    /// <summary>
    /// The world's geo test read out by the product (its lift in USD, the spend change read from the data) and applied to
    /// the model by each reach; empty without a test, null where the product did not apply it.
    /// </summary>
    private static (Dictionary<string, ResponseModel?> Models, bool? TestCovers) Calibrated(WorldSample world, FactSnapshot snapshot, ResponseModel model)
    {
        if (world.Test is null || snapshot.HoldoutTests.Count == 0)
        {
            return ([], null);
        }

        var test = snapshot.HoldoutTests.Single();
        var lift = HoldoutLift.Run(snapshot, test.Test, HoldoutLift.RevenueOutcome, AccessScope.All, "USD");
        var effect = WorldCounterfactual.TestEffect(world)!.Value;
        // The brand knows the change it made (+60% or dark) and states it, as `dashboard calibrations add --spend-change` lets
        // it; read from the data instead, a heavy-up's change came out 1.34 to 1.95 for 1.6 (local flights move it).
        var readout = new LiftCalibration(test.Test, test.Channel, lift.Incremental, lift.IncrementalLow, lift.IncrementalHigh, world.Test.Multiplier);
        ResponseModel? Apply(string name, LiftCalibration calibration, CalibrationReach reach)
        {
            var m = model.Calibrated([calibration], snapshot.HoldoutTests, reach);
            var r = m.Calibrations.Single();
            Console.Error.WriteLine(FormattableString.Invariant(
                $"  {world.Spec.Name}/{world.Seed} {name}: {test.Channel} × {calibration.SpendChange:0.000}; measured {r.Measured.Value:N0} [{r.Measured.Low:N0}, {r.Measured.High:N0}] for a true {effect:N0}; predicted {r.Before?.Value:N0} [{r.Before?.Low:N0}, {r.Before?.High:N0}] → {r.After?.Value:N0}; {r.Problem}"));
            return r.Applied ? m : null;
        }

        var models = Enum.GetValues<CalibrationReach>().Distinct().ToDictionary(reach => reach.ToString(), reach => Apply(reach.ToString(), readout, reach));
        var sd = (lift.IncrementalHigh - lift.IncrementalLow) / 3.29;
        var sound = effect + (sd * new MathNet.Numerics.Distributions.Normal(0, 1, new Random(world.Seed)).Sample());
        models[SoundTest] = Apply(SoundTest, readout with { IncrementalUsd = sound, LowUsd = sound - (1.645 * sd), HighUsd = sound + (1.645 * sd) }, CalibrationReach.Default);
        return (models, lift.IncrementalLow <= effect && effect <= lift.IncrementalHigh);
    }

    private static string GroupName(ValueGroup group) => "group:" + string.Join("+", group.Events);

    /// <summary>The valuation's answer as estimands: each type valued, and the engagement value.</summary>
    private static List<Estimate> ProductEstimates(ValuationResult valuation)
    {
        var estimates = valuation.Events
            .Where(e => WorldTypes.Keys.Contains(e.Event))
            .Select(e => new Estimate(e.Event, e.Value, e.Low, e.High, e.Value is not null && e.Identified))
            .ToList();
        estimates.AddRange(valuation.Groups.Select(g => new Estimate(GroupName(g), g.Value, g.Low, g.High, true)));
        estimates.Add(new Estimate(Estimate.Engagement, valuation.EngagementValue, valuation.EngagementLow, valuation.EngagementHigh, valuation.EngagementValue is not null));
        return estimates;
    }
}
