using System.Text.Json;
using Dashboard.Cli;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>`dashboard attribution` and `dashboard journeys` on imported journeys in a real SQLite file.</summary>
public sealed class AttributionCliTests
{
    private static async Task<(int Exit, JsonElement Json, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr, TimeProvider.System);
        var text = stdout.ToString();
        return (exit, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default, stderr.ToString());
    }

    private static async Task<TempDatabase> WithJourneysAsync()
    {
        var temp = await TempDatabase.CreateAsync();
        await Fixtures.ImportAsync(temp, "fx_rates", Fixtures.FxRates);
        await Fixtures.ImportAsync(temp, "journeys", Fixtures.Journeys);
        return temp;
    }

    [Fact]
    public async Task Attribution_credits_the_consented_purchase_only_in_the_API_shape()
    {
        await using var temp = await WithJourneysAsync();

        var (exit, json, err) = await RunAsync("attribution", "--model", "last_touch", "--from", "2025-03-01", "--to", "2025-03-31", "--db", temp.Path);

        Assert.True(exit == 0, err);
        Assert.Equal("last_touch", json.GetProperty("model").GetString());
        Assert.Equal("USD", json.GetProperty("currency").GetString());
        Assert.Equal(30, json.GetProperty("lookback_days").GetInt32());
        // j1's purchase: 23.50 EUR at 1.0834; j2 was sent without consent and is not stored.
        Assert.Equal(1, json.GetProperty("totals").GetProperty("conversions").GetInt32());
        Assert.Equal(23.5 * 1.0834, json.GetProperty("totals").GetProperty("revenue").GetDouble(), 9);
        Assert.Equal(1, json.GetProperty("totals").GetProperty("paths").GetInt32());
        var search = json.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "paid_search");
        Assert.Equal(1, search.GetProperty("conversions").GetDouble());
        var display = json.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "display");
        Assert.Equal(0, display.GetProperty("conversions").GetDouble());
    }

    [Fact]
    public async Task With_format_csv_the_answer_is_one_line_per_channel_led_by_the_answer_fields()
    {
        await using var temp = await WithJourneysAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CliApp.RunAsync(["attribution", "--model", "last_touch", "--from", "2025-03-01", "--to", "2025-03-31", "--db", temp.Path, "--format", "csv"],
            stdout, stderr, TimeProvider.System);

        Assert.True(exit == 0, stderr.ToString());
        var lines = stdout.ToString().TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        Assert.Equal(["model", "currency"], header[..2]);
        Assert.Contains("totals.revenue", header);
        Assert.Contains("channel", header);
        var rows = lines[1..].Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
        // One line per channel of the JSON answer to the same question, each repeating the answer's own fields.
        var (_, json, _) = await RunAsync("attribution", "--model", "last_touch", "--from", "2025-03-01", "--to", "2025-03-31", "--db", temp.Path);
        var channels = json.GetProperty("channels").EnumerateArray().ToList();
        Assert.Equal(channels.Select(c => c.GetProperty("channel").GetString()), rows.Select(r => r["channel"]));
        Assert.All(rows, r => Assert.Equal("last_touch", r["model"]));
        var search = rows.Single(r => r["channel"] == "paid_search");
        Assert.Equal(1, double.Parse(search["conversions"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(23.5 * 1.0834, double.Parse(search["totals.revenue"], System.Globalization.CultureInfo.InvariantCulture), 9);
    }

    [Fact]
    public async Task An_unknown_format_is_refused_with_the_formats_there_are()
    {
        await using var temp = await WithJourneysAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CliApp.RunAsync(["journeys", "--db", temp.Path, "--format", "xml"], stdout, stderr, TimeProvider.System);

        Assert.NotEqual(0, exit);
        Assert.Contains("'xml' not recognized", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("'csv'", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_models_side_by_side_share_out_the_same_conversion()
    {
        await using var temp = await WithJourneysAsync();

        var (exit, json, err) = await RunAsync("attribution", "--model", "all", "--from", "2025-03-01", "--to", "2025-03-31", "--db", temp.Path);

        Assert.True(exit == 0, err);
        var models = json.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["first_touch", "last_touch", "linear", "time_decay", "position_based", "markov", "shapley"], models.Select(m => m.GetProperty("model").GetString()));
        Assert.All(models, m => Assert.Equal(1.0, m.GetProperty("channels").EnumerateArray().Sum(c => c.GetProperty("conversions").GetDouble()), 9));
        // Linear: j1's three touches (social, e-mail, search) get a third each.
        var linear = models.Single(m => m.GetProperty("model").GetString() == "linear").GetProperty("channels").EnumerateArray()
            .ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("conversions").GetDouble());
        Assert.Equal(1.0 / 3, linear["paid_social"], 12);
        Assert.Equal(1.0 / 3, linear["email_crm"], 12);
    }

    [Fact]
    public async Task A_withdrawal_of_consent_removes_the_journey_from_attribution()
    {
        await using var temp = await WithJourneysAsync();
        await Fixtures.ImportAsync(temp, "journeys", """
            journey_id,market,timestamp,channel,event,consent
            j1,DE,2025-03-05T00:00:00Z,organic,visit,false
            """, "withdrawal.csv");

        var (exit, json, err) = await RunAsync("attribution", "--model", "markov", "--from", "2025-03-01", "--to", "2025-03-31", "--db", temp.Path);

        Assert.True(exit == 0, err);
        Assert.Equal(0, json.GetProperty("totals").GetProperty("conversions").GetInt32());
        Assert.Equal(0, json.GetProperty("totals").GetProperty("paths").GetInt32());
    }

    [Fact]
    public async Task Journeys_reports_the_engagement_rate_and_intent_moves()
    {
        await using var temp = await WithJourneysAsync();

        var (exit, json, err) = await RunAsync("journeys", "--from", "2025-03-01", "--to", "2025-03-31", "--db", temp.Path);

        Assert.True(exit == 0, err);
        // j1's path holds a newsletter sign-up (medium intent), then the purchase.
        Assert.Equal(1.0, json.GetProperty("micro_engagement_rate").GetDouble());
        var moves = json.GetProperty("intent_progression").EnumerateArray()
            .Select(f => (f.GetProperty("from").GetString(), f.GetProperty("to").GetString(), f.GetProperty("moves").GetInt32())).ToList();
        Assert.Equal([("none", "medium", 1), ("medium", "purchase", 1)], moves);
        Assert.Equal(1, json.GetProperty("journeys_with_micro").GetInt32());
    }

    [Fact]
    public async Task Metrics_shares_sales_revenue_by_the_chosen_model_for_attributed_revenue_and_roas()
    {
        await using var temp = await WithJourneysAsync();
        await Fixtures.ImportAsync(temp, "sales", Fixtures.Sales);
        await Fixtures.ImportAsync(temp, "spend", Fixtures.Spend);

        var (exit, json, err) = await RunAsync("metrics", "--measures", "attributed_revenue,roas", "--by", "channel", "--market", "DE",
            "--model", "last_touch", "--from", "2025-03-01", "--to", "2025-03-31", "--db", temp.Path);

        Assert.True(exit == 0, err);
        var rows = json.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("group").GetProperty("channel").GetString()!, r => r.GetProperty("values"));
        // DE's only conversion (j1) ends on paid search: all of DE's March revenue, 45,210.50 EUR at 1.0834, goes there.
        const double Revenue = 45_210.5 * 1.0834;
        Assert.Equal(Revenue, rows["paid_search"].GetProperty("attributed_revenue").GetDouble(), 6);
        Assert.Equal(Revenue / (900 * 1.0834), rows["paid_search"].GetProperty("roas").GetDouble(), 9);
        Assert.Equal(0, rows["paid_social"].GetProperty("attributed_revenue").GetDouble());
    }

    [Fact]
    public async Task An_unknown_model_or_market_exits_non_zero_with_the_reason()
    {
        await using var temp = await WithJourneysAsync();

        var (exit, _, err) = await RunAsync("attribution", "--model", "markow", "--from", "2025-03-01", "--to", "2025-03-31", "--db", temp.Path);
        var (exitMarket, _, errMarket) = await RunAsync("attribution", "--market", "DX", "--from", "2025-03-01", "--to", "2025-03-31", "--db", temp.Path);

        Assert.Equal(2, exit);
        Assert.Contains("--model 'markow' is not one of", err, StringComparison.Ordinal);
        Assert.Equal(2, exitMarket);
        Assert.Contains("'DX' is not a known market", errMarket, StringComparison.Ordinal);
    }
}
