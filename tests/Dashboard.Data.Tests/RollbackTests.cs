using Dashboard.Data.Imports;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

public sealed class RollbackTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Rolling_back_an_import_removes_its_rows_and_restores_the_ones_it_replaced(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var original = await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions);
        var afterOriginal = await temp.FingerprintAsync("campaigns", "audit_log");
        var correction = await Fixtures.ImportAsync(temp, "micro_conversions", """
            date,market,channel,campaign,event,source,count
            2025-03-04,DE,paid_social,,coupon_download,ecommerce,50
            2025-03-06,DE,paid_social,,coupon_download,ecommerce,60
            """, "correction.csv");
        Assert.Equal((1L, 1L), (correction.Inserted, correction.Replaced));

        await using var db = temp.Open();
        var result = await new ImportRollback(db, TimeProvider.System).RollbackAsync(correction.ImportId!.Value, "tester", TestContext.Current.CancellationToken);

        Assert.True(result.RolledBack, result.Message);
        Assert.Equal((2L, 1L), (result.RowsRemoved, result.RowsRestored));
        Assert.Equal(afterOriginal, await temp.FingerprintAsync("campaigns", "audit_log"));
        Assert.Equal(1, await temp.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'import_rolled_back' AND actor = 'tester' AND target LIKE '%#{correction.ImportId} %'"));
        Assert.Equal(45, await temp.CountAsync("SELECT count FROM micro_conversions WHERE superseded_by IS NULL AND date = '2025-03-04' AND source = 'ecommerce'"));
        Assert.Equal(1, await temp.CountAsync($"SELECT COUNT(*) FROM imports WHERE id = {correction.ImportId} AND outcome = 'rolled_back'"));
        Assert.NotNull(original.ImportId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_import_whose_rows_were_replaced_later_cannot_be_rolled_back_first(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var original = await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions);
        var again = await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions, "again.csv");
        var before = await temp.FingerprintAsync();

        await using var db = temp.Open();
        var result = await new ImportRollback(db, TimeProvider.System).RollbackAsync(original.ImportId!.Value, "tester", TestContext.Current.CancellationToken);

        Assert.False(result.RolledBack);
        Assert.Contains($"import {again.ImportId}", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await temp.FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_failed_import_cannot_be_rolled_back(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var failed = await Fixtures.ImportAsync(temp, "sales", "date,market\n");

        await using var db = temp.Open();
        var result = await new ImportRollback(db, TimeProvider.System).RollbackAsync(failed.ImportId!.Value, "tester", TestContext.Current.CancellationToken);

        Assert.False(result.RolledBack);
        Assert.Contains("failed", result.Message, StringComparison.Ordinal);
    }
}
