using System.Text.Json;
using Dashboard.Cli;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Catalogue;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>
/// The demo data copied into PostgreSQL (`dashboard db copy-to-postgres`, binary COPY) gives the same engine snapshot as
/// the SQLite file it came from: the same row counts, the same data version, and the same answers, market by market.
/// </summary>
public sealed class PostgresSnapshotTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_rows_on_postgres_load_into_a_snapshot_that_answers_as_the_sqlite_one()
    {
        await using var sqlite = TempDatabase.CopyOf(await SeededTemplate.GetAsync(Ct));
        await using var postgres = await ProviderDatabase.CreateAsync(ProviderDatabase.Postgres);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(["db", "copy-to-postgres", "--postgres", postgres.PostgresConnectionString!, "--db", sqlite.Path], stdout, stderr, TimeProvider.System);
        Assert.True(exit == 0, stderr.ToString());
        var copied = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("by_table");

        foreach (var table in new[] { "micro_conversions", "sales", "spend", "traffic", "journeys", "imports", "markets", "survey_responses" })
        {
            var rows = await sqlite.CountAsync($"SELECT COUNT(*) FROM {table}");
            Assert.Equal(rows, copied.GetProperty(table).GetInt64());
            Assert.Equal(rows, await postgres.CountAsync($"SELECT COUNT(*) FROM {table}"));
        }

        FactSnapshot fromSqlite, fromPostgres;
        await using (var db = sqlite.Open())
        {
            fromSqlite = (await SnapshotLoader.LoadDetailedAsync(db, SnapshotSource.Rows, TimeProvider.System, Ct)).Snapshot;
        }

        await using (var db = postgres.Open())
        {
            fromPostgres = (await SnapshotLoader.LoadDetailedAsync(db, SnapshotSource.Rows, TimeProvider.System, Ct)).Snapshot;
        }

        Assert.Equal(fromSqlite.Version, fromPostgres.Version);
        Assert.Equal(fromSqlite.LastDay, fromPostgres.LastDay);
        Assert.Equal(fromSqlite.MicroConversions.Count, fromPostgres.MicroConversions.Count);
        Assert.Equal(fromSqlite.Journeys.Touches, fromPostgres.Journeys.Touches);
        Assert.Equal(fromSqlite.Journeys.Journeys, fromPostgres.Journeys.Journeys);
        Assert.Equal(fromSqlite.Flights.Count, fromPostgres.Flights.Count);

        var query = new MetricsQuery
        {
            Range = new DateRange(fromSqlite.LastDay!.Value.AddDays(-364), fromSqlite.LastDay.Value),
            Measures = [MeasureCatalogue.MicroConversions, MeasureCatalogue.Revenue, MeasureCatalogue.Spend, MeasureCatalogue.Sessions, MeasureCatalogue.Orders],
            By = [Dimension.Market], Scope = AccessScope.All, Currency = "EUR",
        };
        var expected = new MetricsEngine(fromSqlite).Run(query);
        var actual = new MetricsEngine(fromPostgres).Run(query);
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (var i = 0; i < expected.Rows.Count; i++)
        {
            Assert.Equal(expected.Rows[i].Group[Dimension.Market], actual.Rows[i].Group[Dimension.Market]);
            foreach (var measure in query.Measures)
            {
                Assert.Equal(expected.Rows[i].Values[measure].Value, actual.Rows[i].Values[measure].Value);
            }
        }
    }
}
