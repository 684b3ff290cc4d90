using Dashboard.Domain.Imports;

namespace Dashboard.Data.Imports;

internal sealed class CampaignsMapper : KindMapper
{
    public override ImportKindSpec Spec => ImportKinds.Find(ImportKinds.Campaigns)!;
    public override string Table => "campaign_flights";
    public override IReadOnlyList<string> Columns { get; } = ["campaign_id", "name", "channel_id", "start", "end", "objective"];
    public override IReadOnlyList<string> KeyColumns { get; } = ["campaign_id"];

    public override MapOutcome Map(RowContext row, object?[] v)
    {
        row.Required("campaign", out var key);
        row.Required("name", out _);
        row.Channel("channel", out var channel);
        var datesOk = row.Date("start", out var start) & row.Date("end", out var end);
        if (datesOk && end < start)
        {
            row.Error("end", row.Trimmed("end"), "is before start");
        }

        var objective = row.Trimmed("objective");
        if (objective.Length > 0)
        {
            row.Choice("objective", ImportKinds.Objectives, out objective);
        }

        if (!row.IsValid)
        {
            return MapOutcome.Invalid;
        }

        v[0] = row.Refs.CampaignId(key); v[1] = row.Raw("name").Trim(); v[2] = channel; v[3] = start; v[4] = end; v[5] = objective;
        return MapOutcome.Stage;
    }
}

internal sealed class ContextMapper : KindMapper
{
    public override ImportKindSpec Spec => ImportKinds.Find(ImportKinds.Context)!;
    public override string Table => "context";
    public override IReadOnlyList<string> Columns { get; } = ["date", "market_id", "type", "value", "note"];
    public override IReadOnlyList<string> KeyColumns { get; } = ["date", "market_id", "type"];

    public override MapOutcome Map(RowContext row, object?[] v)
    {
        row.Date("date", out var date);
        row.Market("market", out var market);
        row.Choice("type", ImportKinds.ContextTypes, out var type);
        row.OptionalNumber("value", out var value);
        if (!row.IsValid)
        {
            return MapOutcome.Invalid;
        }

        v[0] = date; v[1] = market.Id; v[2] = type; v[3] = value; v[4] = row.Raw("note");
        return MapOutcome.Stage;
    }
}

internal sealed class HoldoutTestsMapper : KindMapper
{
    public override ImportKindSpec Spec => ImportKinds.Find(ImportKinds.HoldoutTests)!;
    public override string Table => "holdout_tests";
    public override IReadOnlyList<string> Columns { get; } = ["test", "market_id", "group", "start", "end", "channel"];
    public override IReadOnlyList<string> KeyColumns { get; } = ["test", "market_id"];

    public override MapOutcome Map(RowContext row, object?[] v)
    {
        row.Required("test", out var test);
        row.Market("market", out var market);
        row.Choice("group", ImportKinds.HoldoutGroups, out var group);
        var datesOk = row.Date("start", out var start) & row.Date("end", out var end);
        if (datesOk && end < start)
        {
            row.Error("end", row.Trimmed("end"), "is before start");
        }

        var channel = row.Trimmed("channel");
        if (channel.Length > 0)
        {
            row.Channel("channel", out _);
        }

        if (!row.IsValid)
        {
            return MapOutcome.Invalid;
        }

        v[0] = test; v[1] = market.Id; v[2] = group; v[3] = start; v[4] = end; v[5] = channel;
        return MapOutcome.Stage;
    }

    public override IReadOnlyList<IReadOnlyList<string>> StageIndexes { get; } = [["test", "market_id"]];

    // DATA.md: the test period is the same for every market of a test.
    public override IReadOnlyList<string> CrossRowChecks { get; } =
    [
        """
        SELECT s.line, 'start', CAST(s.start AS TEXT), 'differs from the period on line ' || CAST(f.line AS TEXT)
               || ': every market of a test has the same start and end'
        FROM stage s JOIN stage f ON f.test = s.test AND f.line = (SELECT MIN(m.line) FROM stage m WHERE m.test = s.test)
        WHERE s.start <> f.start OR s."end" <> f."end"
        """,
        """
        SELECT s.line, 'start', CAST(s.start AS TEXT), 'differs from the stored period of this test: every market of a test has the same start and end'
        FROM stage s
        WHERE EXISTS (SELECT 1 FROM holdout_tests t WHERE t.superseded_by IS NULL AND t.test = s.test
                      AND NOT EXISTS (SELECT 1 FROM stage r WHERE r.test = t.test AND r.market_id = t.market_id)
                      AND (t.start <> s.start OR t."end" <> s."end"))
        """,
    ];
}

internal sealed class SurveyResponsesMapper : KindMapper
{
    public override ImportKindSpec Spec => ImportKinds.Find(ImportKinds.SurveyResponses)!;
    public override string Table => "survey_responses";
    public override IReadOnlyList<string> Columns { get; } = ["date", "market_id", "definition_id", "respondent_id", "reason", "score"];
    public override IReadOnlyList<string> KeyColumns { get; } = ["date", "market_id", "definition_id", "respondent_id"];

    public override MapOutcome Map(RowContext row, object?[] v)
    {
        row.Date("date", out var date);
        var marketOk = row.Market("market", out var market);
        row.Event("event", marketOk ? market : null, out var definition);
        row.Required("respondent_id", out var respondent);
        row.Score("score", out var score);
        if (!row.IsValid)
        {
            return MapOutcome.Invalid;
        }

        v[0] = date; v[1] = market.Id; v[2] = definition.Id; v[3] = respondent; v[4] = row.Raw("reason"); v[5] = score;
        return MapOutcome.Stage;
    }
}

internal sealed class FxRatesMapper : KindMapper
{
    public override ImportKindSpec Spec => ImportKinds.Find(ImportKinds.FxRates)!;
    public override string Table => "fx_rates";
    public override IReadOnlyList<string> Columns { get; } = ["month", "currency", "usd_rate"];
    public override IReadOnlyList<string> KeyColumns { get; } = ["month", "currency"];

    public override MapOutcome Map(RowContext row, object?[] v)
    {
        row.Month("month", out var month);
        row.Currency("currency", out var currency);
        row.PositiveNumber("usd_rate", out var rate);
        if (!row.IsValid)
        {
            return MapOutcome.Invalid;
        }

        v[0] = month; v[1] = currency; v[2] = rate;
        return MapOutcome.Stage;
    }
}
