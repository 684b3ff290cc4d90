using System.Globalization;
using System.Text;
using Dashboard.Attribution.Valuation;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Query;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>
/// The demo data plants a value per micro-conversion type (truth.json) and a vanity type (social follows) that follows
/// sales instead of driving them. The valuation, fitted on the imported data alone, must find them back.
/// </summary>
public sealed class PlantedValuationTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_valuation_recovers_the_planted_values_engagement_value_and_a_vanity_type_near_zero()
    {
        var truth = await SeededTemplate.TruthAsync(Ct);
        await using var temp = TempDatabase.CopyOf(await SeededTemplate.GetAsync(Ct));
        await using var db = temp.Open();
        var snapshot = await SnapshotLoader.LoadAsync(db, Ct);

        var result = ValuationModel.Run(snapshot, new ValuationQuery { Scope = AccessScope.All });

        var planted = truth.Events.ToDictionary(e => e.Event, e => e.ValueUsd);
        var report = new StringBuilder("| type | planted | recovered | 90% interval | covers |\n|---|---:|---:|---|---|\n");
        var covered = 0;
        foreach (var e in result.Events)
        {
            Assert.NotNull(e.Value);
            var covers = e.Low <= planted[e.Event] && planted[e.Event] <= e.High;
            covered += covers ? 1 : 0;
            report.Append(CultureInfo.InvariantCulture, $"| {e.Event} | {planted[e.Event]:0.00} | {e.Value:0.00} | [{e.Low:0.00}, {e.High:0.00}] | {(covers ? "yes" : "no")} |\n");
        }

        var plantedEngagement = result.Events.Sum(e => e.Volume * planted[e.Event]);
        report.Append(CultureInfo.InvariantCulture, $"engagement value: planted {plantedEngagement:N0}, recovered {result.EngagementValue:N0}; intervals covering: {covered} of {result.Events.Count}");
        TestContext.Current.SendDiagnosticMessage(report.ToString());

        // Σ volume × value within ±15%.
        Assert.InRange(result.EngagementValue!.Value, 0.85 * plantedEngagement, 1.15 * plantedEngagement);

        // The three best-identified types (smallest standard error relative to the value) within ±25%.
        foreach (var e in result.Events.Where(e => !truth.VanityEvents.Contains(e.Event)).OrderBy(e => e.StandardError / Math.Abs(e.Value!.Value)).Take(3))
        {
            Assert.InRange(e.Value!.Value, 0.75 * planted[e.Event], 1.25 * planted[e.Event]);
        }

        // The vanity type: its interval holds 0, and it is under half the average planted value of the others.
        var averageValue = truth.Events.Where(e => !e.IsVanity).Average(e => e.ValueUsd);
        foreach (var vanity in result.Events.Where(e => truth.VanityEvents.Contains(e.Event)))
        {
            Assert.InRange(0, vanity.Low!.Value, vanity.High!.Value);
            Assert.True(Math.Abs(vanity.Value!.Value) < averageValue / 2, $"{vanity.Event} is valued at {vanity.Value}");
        }

        // Most planted values lie inside their 90% intervals.
        Assert.True(covered >= 9, $"only {covered} of {result.Events.Count} intervals cover the planted value");
    }
}
