using System.Globalization;
using Dashboard.Attribution.Valuation;
using Dashboard.Cli;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Query;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>
/// A tracking glitch (one day of one market reporting 200,000 sign-ups) must not move every market's values: the
/// valuation leaves the days it acts on out of the fit, and says so.
/// </summary>
public sealed class ValuationGlitchTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_one_day_spike_is_left_out_and_the_values_stay_as_without_it()
    {
        await using var temp = TempDatabase.CopyOf(await SeededTemplate.GetAsync(Ct));
        ValuationResult clean;
        await using (var db = temp.Open())
        {
            clean = ValuationModel.Run(await SnapshotLoader.LoadAsync(db, Ct), new ValuationQuery { Scope = AccessScope.All });
        }

        // Far enough before the end that the spike acts on itself and the whole lag window after it, all inside the data.
        const int Lag = ValuationQuery.DefaultMaxLagDays;
        var day = SeededTemplate.EndDate.AddDays(-(Lag + 20)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = Path.Combine(Path.GetDirectoryName(temp.Path)!, "glitch.csv");
        await File.WriteAllTextAsync(csv, $"date,market,channel,campaign,event,source,count\n{day},US,paid_social,glitch,newsletter_signup,social,200000\n", Ct);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, await CliApp.RunAsync(["import", "micro_conversions", csv, "--db", temp.Path], stdout, stderr, TimeProvider.System));

        ValuationResult glitched;
        await using (var db = temp.Open())
        {
            glitched = ValuationModel.Run(await SnapshotLoader.LoadAsync(db, Ct), new ValuationQuery { Scope = AccessScope.All });
        }

        Assert.Equal(clean.Observations - (Lag + 1), glitched.Observations);
        Assert.Contains(glitched.Notes, n => n.StartsWith(FormattableString.Invariant($"{Lag + 1} market-days left out around 1 day(s)"), StringComparison.Ordinal));
        foreach (var (a, b) in clean.Events.Zip(glitched.Events))
        {
            // Forty-two of 28,496 market-days fewer (one market's, which weigh more for the types it drives): the values
            // move by a fifth of a standard error at most; the glitch left in took sign-ups from 5 to −0.05, many errors away.
            Assert.InRange(b.Value!.Value, a.Value!.Value - (0.2 * a.StandardError!.Value), a.Value.Value + (0.2 * a.StandardError.Value));
        }
    }
}
