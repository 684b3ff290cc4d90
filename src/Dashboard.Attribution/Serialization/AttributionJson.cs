using System.Globalization;
using System.Text.Json.Nodes;
using Dashboard.Attribution.Journeys;
using Dashboard.Attribution.Lift;
using Dashboard.Attribution.Valuation;
using Dashboard.Metrics.Time;

namespace Dashboard.Attribution.Serialization;

/// <summary>
/// The API.md shapes of attribution and journey answers, shared by the command line and the HTTP API: snake_case
/// keys, plain numbers, null for an absent value.
/// </summary>
public static class AttributionJson
{
    public static JsonObject ToJson(AttributionResult result, DateRange range)
    {
        ArgumentNullException.ThrowIfNull(result);
        var json = new JsonObject
        {
            ["model"] = result.Model.Key(),
            ["currency"] = result.Currency,
            ["from"] = Iso(range.From),
            ["to"] = Iso(range.To),
            ["lookback_days"] = result.LookbackDays,
            ["totals"] = new JsonObject
            {
                ["conversions"] = result.Totals.Conversions,
                ["revenue"] = result.Totals.Revenue,
                ["paths"] = result.Totals.Paths,
            },
            ["channels"] = new JsonArray([.. result.Channels.Select(c => (JsonNode)Channel(c, result.Model))]),
        };
        if (result.Model == AttributionModel.Markov)
        {
            json["conversion_probability"] = result.ConversionProbability;
        }

        json["notes"] = new JsonArray([.. result.Notes.Select(n => (JsonNode?)JsonValue.Create(n))]);
        return json;
    }

    /// <summary>`--model all`: every model side by side.</summary>
    public static JsonObject ToJson(IEnumerable<AttributionResult> results, DateRange range) =>
        new() { ["models"] = new JsonArray([.. results.Select(r => (JsonNode)ToJson(r, range))]) };

    public static JsonObject ToJson(JourneyMeasuresResult measures, DateRange range)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var lift = measures.MicroToMacro;
        return new JsonObject
        {
            ["from"] = Iso(range.From),
            ["to"] = Iso(range.To),
            ["micro_to_macro_lift"] = lift.Lift,
            ["purchase_rate_with_micro"] = lift.RateWithMicro,
            ["purchase_rate_without_micro"] = lift.RateWithoutMicro,
            ["journeys_with_micro"] = lift.JourneysWithMicro,
            ["journeys_without_micro"] = lift.JourneysWithoutMicro,
            ["micro_engagement_rate"] = measures.MicroEngagementRate,
            ["conversions"] = measures.Conversions,
            ["intent_progression"] = new JsonArray([.. measures.IntentProgression.Select(f => (JsonNode)new JsonObject
            {
                ["from"] = f.From,
                ["to"] = f.To,
                ["moves"] = f.Moves,
            })]),
        };
    }

    /// <summary>`dashboard valuation`: the API.md fields, then the fit's scope, its quality and the engagement value.</summary>
    public static JsonObject ToJson(ValuationResult valuation)
    {
        ArgumentNullException.ThrowIfNull(valuation);
        return new JsonObject
        {
            ["currency"] = valuation.Currency,
            ["interval"] = valuation.Interval,
            ["verdict"] = valuation.Verdict,
            ["engagement_value"] = valuation.EngagementValue,
            ["engagement_low"] = valuation.EngagementLow,
            ["engagement_high"] = valuation.EngagementHigh,
            ["events"] = new JsonArray([.. valuation.Events.Select(e => (JsonNode)new JsonObject
            {
                ["event"] = e.Event,
                ["value"] = e.Value,
                ["low"] = e.Low,
                ["high"] = e.High,
                ["identified"] = e.Value is not null && e.Identified,
                ["standard_error"] = e.StandardError,
                ["volume"] = e.Volume,
                ["absent_reason"] = e.AbsentReason,
            })]),
            ["groups"] = new JsonArray([.. valuation.Groups.Select(g => (JsonNode)new JsonObject
            {
                ["events"] = new JsonArray([.. g.Events.Select(e => (JsonNode?)JsonValue.Create(e))]),
                ["value"] = g.Value,
                ["low"] = g.Low,
                ["high"] = g.High,
                ["volume"] = g.Volume,
                ["engagement_value"] = g.EngagementValue,
            })]),
            ["from"] = Iso(valuation.Range.From),
            ["to"] = Iso(valuation.Range.To),
            ["observations"] = valuation.Observations,
            ["markets"] = valuation.Markets,
            ["r_squared"] = double.IsFinite(valuation.RSquared) ? valuation.RSquared : null,
            ["notes"] = new JsonArray([.. valuation.Notes.Select(n => (JsonNode?)JsonValue.Create(n))]),
        };
    }

    /// <summary>`dashboard lift`: the API.md fields first, then the test's definition and its daily series.</summary>
    public static JsonObject ToJson(HoldoutLiftResult lift)
    {
        ArgumentNullException.ThrowIfNull(lift);
        var d = lift.Definition;
        return new JsonObject
        {
            ["test"] = d.Test,
            ["outcome"] = lift.Outcome,
            ["lift"] = lift.Lift,
            ["low"] = lift.Low,
            ["high"] = lift.High,
            ["incremental"] = lift.Incremental,
            ["incremental_low"] = lift.IncrementalLow,
            ["incremental_high"] = lift.IncrementalHigh,
            ["interval"] = lift.Interval,
            ["significant"] = lift.Significant,
            ["currency"] = lift.Currency,
            ["channel"] = d.Channel,
            ["start"] = Iso(d.Start),
            ["end"] = Iso(d.End),
            ["pre_start"] = Iso(lift.PreStart),
            ["pre_end"] = Iso(lift.PreEnd),
            ["test_markets"] = new JsonArray([.. d.TestMarkets.Select(m => (JsonNode?)JsonValue.Create(m))]),
            ["control_markets"] = new JsonArray([.. d.ControlMarkets.Select(m => (JsonNode?)JsonValue.Create(m))]),
            ["bootstrap_samples"] = lift.BootstrapSamples,
            ["sums"] = new JsonObject
            {
                ["test_pre"] = lift.Sums.TestPre,
                ["test_test"] = lift.Sums.TestTest,
                ["control_pre"] = lift.Sums.ControlPre,
                ["control_test"] = lift.Sums.ControlTest,
            },
            ["series"] = new JsonArray([.. lift.Series.Select(x => (JsonNode)new JsonObject
            {
                ["date"] = Iso(x.Date),
                ["test"] = x.Test,
                ["control"] = x.Control,
            })]),
        };
    }

    private static JsonObject Channel(ChannelCredit c, AttributionModel model)
    {
        var json = new JsonObject
        {
            ["channel"] = c.Channel,
            ["conversions"] = c.Conversions,
            ["revenue"] = c.Revenue,
        };
        if (model == AttributionModel.Markov)
        {
            json["removal_effect"] = c.RemovalEffect;
        }

        return json;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
