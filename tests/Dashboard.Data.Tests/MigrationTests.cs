using Dashboard.Domain.Reference;
using Dashboard.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Tests;

public sealed class MigrationTests
{
    /// <summary>Both providers' migrations sets build the same schema and seed the same reference data.</summary>
    [Theory]
    [InlineData(ProviderDatabase.Sqlite)]
    [InlineData(ProviderDatabase.Postgres)]
    public async Task Either_provider_migrates_an_empty_database_to_the_schema_with_the_default_reference_data(string provider)
    {
        await using var database = await ProviderDatabase.CreateAsync(provider);

        Assert.Equal(26, await database.CountAsync("SELECT COUNT(*) FROM markets"));
        Assert.Equal(4, await database.CountAsync("SELECT COUNT(*) FROM regions"));
        Assert.Equal(9, await database.CountAsync("SELECT COUNT(*) FROM channels"));
        Assert.Equal(1, await database.CountAsync("SELECT COUNT(*) FROM channels WHERE NOT is_paid"));
        Assert.Equal(12, await database.CountAsync("SELECT COUNT(*) FROM definitions"));
        Assert.Equal(5, await database.CountAsync("SELECT COUNT(*) FROM markets WHERE hemisphere = 'S'"));
        Assert.Equal(1, await database.CountAsync("SELECT COUNT(*) FROM definitions WHERE key = 'coupon_download' AND intent_group = 'high'"));
        Assert.True(await database.CountAsync("SELECT COUNT(*) FROM holidays") > 26 * 3 * (ReferenceDataSeeder.HolidaysToYear - ReferenceDataSeeder.HolidaysFromYear));

        // The partial natural-key index over current rows exists on both.
        Assert.Equal(1, await database.CountAsync(provider == ProviderDatabase.Postgres
            ? "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'ux_micro_conversions_natural_key' AND indexdef LIKE '%WHERE (superseded_by IS NULL)%'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE name = 'ux_micro_conversions_natural_key' AND sql LIKE '%WHERE superseded_by IS NULL%'"));
    }

    [Fact]
    public async Task Migrate_on_an_empty_file_creates_the_schema_in_WAL_mode_with_default_reference_data()
    {
        await using var temp = await TempDatabase.CreateAsync();

        Assert.Equal("wal", await ScalarTextAsync(temp, "PRAGMA journal_mode"));
        Assert.Equal(26, await temp.CountAsync("SELECT COUNT(*) FROM markets"));
        Assert.Equal(4, await temp.CountAsync("SELECT COUNT(*) FROM regions"));
        Assert.Equal(9, await temp.CountAsync("SELECT COUNT(*) FROM channels"));
        Assert.Equal(1, await temp.CountAsync("SELECT COUNT(*) FROM channels WHERE is_paid = 0"));
        Assert.Equal(12, await temp.CountAsync("SELECT COUNT(*) FROM definitions"));
        Assert.Equal(5, await temp.CountAsync("SELECT COUNT(*) FROM markets WHERE hemisphere = 'S'"));
        Assert.Equal("high", await ScalarTextAsync(temp, "SELECT intent_group FROM definitions WHERE key = 'coupon_download'"));
        Assert.Equal("in_store", await ScalarTextAsync(temp, "SELECT default_source FROM definitions WHERE key = 'kiosk_interaction'"));
        Assert.True(await temp.CountAsync("SELECT COUNT(*) FROM holidays") > 26 * 3 * (ReferenceDataSeeder.HolidaysToYear - ReferenceDataSeeder.HolidaysFromYear));
        Assert.Equal(0, await temp.CountAsync("SELECT COUNT(*) FROM saved_scenarios"));
    }

    [Theory]
    [InlineData("micro_conversions")]
    [InlineData("sales")]
    [InlineData("spend")]
    [InlineData("traffic")]
    [InlineData("journeys")]
    [InlineData("campaign_flights")]
    [InlineData("context")]
    [InlineData("holdout_tests")]
    [InlineData("survey_responses")]
    [InlineData("fx_rates")]
    public async Task Every_kind_has_a_unique_natural_key_index_over_current_rows(string table)
    {
        await using var temp = await TempDatabase.CreateAsync();

        var sql = await ScalarTextAsync(temp, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'ux_{table}_natural_key'");

        Assert.StartsWith("CREATE UNIQUE INDEX", sql, StringComparison.Ordinal);
        Assert.Contains("WHERE superseded_by IS NULL", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Money_columns_are_integers_not_text_decimals()
    {
        await using var temp = await TempDatabase.CreateAsync();

        foreach (var (table, column) in new[] { ("sales", "revenue"), ("spend", "spend"), ("journeys", "revenue") })
        {
            var type = await ScalarTextAsync(temp, $"SELECT type FROM pragma_table_info('{table}') WHERE name = '{column}'");
            Assert.Equal("INTEGER", type);
        }
    }

    [Fact]
    public async Task The_migrations_match_the_model()
    {
        await using var temp = await TempDatabase.CreateAsync();
        await using var db = temp.Open();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using var temp = await TempDatabase.CreateAsync();
        var before = await DatabaseFingerprint.ComputeAsync(temp.Path);

        await using (var db = temp.Open())
        {
            await DatabaseInitializer.MigrateAsync(db, TestContext.Current.CancellationToken);
        }

        Assert.Equal(before, await DatabaseFingerprint.ComputeAsync(temp.Path));
        Assert.Equal(DefaultReferenceData.Markets.Count, await temp.CountAsync("SELECT COUNT(*) FROM markets"));
    }

    private static async Task<string> ScalarTextAsync(TempDatabase temp, string sql)
    {
        await using var db = temp.Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
