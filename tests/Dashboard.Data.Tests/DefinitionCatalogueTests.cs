using Dashboard.Application.Analysis;
using Dashboard.Data.Definitions;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>Definitions and aliases are edited in place: the engine regroups stored rows at once, with no re-import.</summary>
public sealed class DefinitionCatalogueTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static MetricsQuery ByCategory => new()
    {
        Range = new DateRange(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)),
        Measures = ["micro_conversions"],
        By = [Dimension.Category],
        Scope = AccessScope.All,
    };

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Regrouping_a_definition_moves_its_stored_actions_to_the_new_category_without_a_reimport(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions);
        using var store = new MetricsSnapshotStore(temp.Factory());
        var before = (await store.GetAsync(Ct)).Run(ByCategory).Rows.ToDictionary(r => r.Group[Dimension.Category], r => r.Values["micro_conversions"].Value);
        var imports = await temp.CountAsync("SELECT COUNT(*) FROM imports");

        await using (var db = temp.Open())
        {
            var errors = await DefinitionCatalogue.UpdateAsync(db, TimeProvider.System, "coupon_download", "Coupon download", "digital_engagement", "high",
                "ecommerce", "A coupon saved or printed", "tester", Ct);
            Assert.Empty(errors);
        }

        var after = (await store.RefreshAsync(Ct)).Run(ByCategory).Rows.ToDictionary(r => r.Group[Dimension.Category], r => r.Values["micro_conversions"].Value);

        // The fixture: newsletter sign-ups 120 + 7 + 130 (digital engagement), coupon downloads 45 (promotional).
        Assert.Equal((257d, 45d), (before["digital_engagement"]!.Value, before["promotional"]!.Value));
        Assert.Equal(302d, after["digital_engagement"]);
        Assert.False(after.ContainsKey("promotional"));
        Assert.Equal(imports, await temp.CountAsync("SELECT COUNT(*) FROM imports"));
        Assert.Equal("A coupon saved or printed", await temp.ScalarTextAsync("SELECT description FROM definitions WHERE key = 'coupon_download'"));
        Assert.Equal(1, await temp.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'definition_changed' AND target = 'coupon_download'"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_unknown_category_is_refused_and_nothing_changes(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var before = await temp.FingerprintAsync();
        await using var db = temp.Open();

        var errors = await DefinitionCatalogue.UpdateAsync(db, TimeProvider.System, "coupon_download", "Coupon download", "promo", "urgent", "ecommerce", "", "tester", Ct);

        Assert.Contains("'promo' is not a category (digital_engagement, promotional, product_interaction, retail_action)", errors);
        Assert.Contains(errors, e => e.StartsWith("'urgent' is not a intent group", StringComparison.Ordinal));
        Assert.Equal(before, await temp.FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_new_alias_lets_a_markets_file_import_and_a_name_mapped_two_ways_is_flagged(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        const string Polish = """
            date,market,channel,campaign,event,source,count
            2025-03-04,PL,email_crm,,zapis_newsletter,,14
            """;
        var refused = await Fixtures.ImportAsync(temp, "micro_conversions", Polish);
        await using (var db = temp.Open())
        {
            Assert.Empty(await DefinitionCatalogue.AddAliasAsync(db, TimeProvider.System, "PL", "zapis_newsletter", "newsletter_signup", "tester", Ct));
            Assert.Empty(await DefinitionCatalogue.AddAliasAsync(db, TimeProvider.System, "SE", "zapis_newsletter", "loyalty_enrollment", "tester", Ct));
            Assert.Contains("'coupon_download' is a definition's own key: it needs no alias",
                await DefinitionCatalogue.AddAliasAsync(db, TimeProvider.System, "PL", "coupon_download", "newsletter_signup", "tester", Ct));
            Assert.Contains("'zapis_newsletter' already maps to newsletter_signup in PL",
                await DefinitionCatalogue.AddAliasAsync(db, TimeProvider.System, "PL", "zapis_newsletter", "coupon_download", "tester", Ct));
        }

        var accepted = await Fixtures.ImportAsync(temp, "micro_conversions", Polish);
        IReadOnlyList<AliasConflict> conflicts;
        await using (var db = temp.Open())
        {
            conflicts = DefinitionCatalogue.Conflicts(await DefinitionCatalogue.ListAsync(db, Ct));
        }

        Assert.False(refused.Stored);
        Assert.True(accepted.Stored);
        Assert.Equal(14, await temp.CountAsync("SELECT count FROM micro_conversions f JOIN definitions d ON d.id = f.definition_id WHERE d.key = 'newsletter_signup'"));
        var conflict = Assert.Single(conflicts);
        Assert.Equal("zapis_newsletter", conflict.Alias);
        Assert.Equal([("PL", "newsletter_signup"), ("SE", "loyalty_enrollment")], conflict.Mappings);
    }
}
