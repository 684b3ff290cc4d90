using Dashboard.Data.Imports;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>Small hand-written files of every kind, with the values the tests check written out by hand.</summary>
internal static class Fixtures
{
    public const string FxRates = """
        month,currency,usd_rate
        2025-03,EUR,1.0834
        2025-03,BRL,0.1742
        2025-03,USD,1
        """;

    public const string Campaigns = """
        campaign,name,channel,start,end,objective
        spring_refresh_2025,"Spring refresh, 2025",paid_social,2025-03-01,2025-03-31,engagement
        coupon_push_2025,Coupon push,email_crm,2025-03-10,2025-03-20,
        """;

    // DE nl_anmeldung is the German alias of newsletter_signup; an empty source means the definition's default.
    public const string MicroConversions = """
        date,market,channel,campaign,event,source,count
        2025-03-04,DE,paid_social,spring_refresh_2025,nl_anmeldung,,120
        2025-03-04,DE,paid_social,,coupon_download,ecommerce,45
        2025-03-04,BR,organic,,newsletter_signup,crm,7
        2025-03-05,DE,paid_social,spring_refresh_2025,newsletter_signup,crm,130
        """;

    public const string Sales = """
        date,market,brand,sku,orders,units,revenue,currency
        2025-03-04,DE,aurora_cola,,1200,3400,45210.5,EUR
        2025-03-04,BR,aurora_cola,AC-330,300,900,5120.1234,BRL
        2025-03-04,BR,aurora_cola,AC-500,100,250,2000,BRL
        """;

    public const string Spend = """
        date,market,channel,campaign,spend,currency
        2025-03-04,DE,paid_social,spring_refresh_2025,2500.75,EUR
        2025-03-04,DE,paid_search,,900,EUR
        """;

    public const string Traffic = """
        date,market,channel,sessions,non_purchase_sessions
        2025-03-04,DE,paid_social,5000,400
        2025-03-04,DE,organic,12000,
        """;

    // Journey j2 withdrew consent on one row: none of its rows is stored.
    public const string Journeys = """
        journey_id,market,timestamp,channel,event,revenue,currency,consent
        j1,DE,2025-03-01T10:00:00Z,paid_social,visit,,,true
        j1,DE,2025-03-02T11:30:00+01:00,email_crm,nl_anmeldung,,,true
        j1,DE,2025-03-04T09:00:00Z,paid_search,purchase,23.5,,true
        j2,DE,2025-03-01T08:00:00Z,display,visit,,,true
        j2,DE,2025-03-03T08:00:00Z,display,purchase,12,EUR,false
        """;

    public const string Context = """
        date,market,type,value,note
        2025-03-04,DE,competitor_promo,0.2,"Rival 2-for-1, ""big"" campaign"
        2025-03-05,DE,price_change,-0.05,
        """;

    public const string HoldoutTests = """
        test,market,group,start,end,channel
        geo_test_1,DE,test,2025-03-01,2025-04-11,paid_social
        geo_test_1,FR,control,2025-03-01,2025-04-11,paid_social
        """;

    public const string SurveyResponses = """
        date,market,event,respondent_id,reason,score
        2025-03-04,DE,coupon_download,r-1,"Wanted the discount, obviously",5
        2025-03-04,DE,nl_anmeldung,r-2,Recipes,4
        """;

    /// <summary>Each kind, its fixture and the rows it stores.</summary>
    public static TheoryData<string, string, int> AllKinds => new()
    {
        { "fx_rates", FxRates, 3 },
        { "campaigns", Campaigns, 2 },
        { "micro_conversions", MicroConversions, 4 },
        { "sales", Sales, 3 },
        { "spend", Spend, 2 },
        { "traffic", Traffic, 2 },
        { "journeys", Journeys, 3 },
        { "context", Context, 2 },
        { "holdout_tests", HoldoutTests, 2 },
        { "survey_responses", SurveyResponses, 2 },
    };

    /// <summary><see cref="AllKinds"/> on each provider.</summary>
    public static TheoryData<string, string, string, int> AllKindsOnBoth()
    {
        var cases = new TheoryData<string, string, string, int>();
        foreach (var provider in ProviderDatabase.Both)
        {
            foreach (var row in AllKinds)
            {
                var (kind, csv, rows) = row.Data;
                cases.Add(provider, kind, csv, rows);
            }
        }

        return cases;
    }

    public static async Task<ImportResult> ImportAsync(ProviderDatabase temp, string kind, string csv, string fileName = "file.csv")
    {
        var path = temp.WriteFile(fileName, csv);
        await using var db = temp.Open();
        return await new FileImporter(db, TimeProvider.System).ImportFileAsync(kind, path, "tester");
    }

    public static async Task<ImportResult> ImportAsync(TempDatabase temp, string kind, string csv, string fileName = "file.csv")
    {
        var path = temp.WriteFile(fileName, csv);
        await using var db = temp.Open();
        return await new FileImporter(db, TimeProvider.System).ImportFileAsync(kind, path, "tester");
    }
}
