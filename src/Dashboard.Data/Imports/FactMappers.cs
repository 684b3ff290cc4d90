using Dashboard.Domain.Imports;

namespace Dashboard.Data.Imports;

internal sealed class MicroConversionsMapper : KindMapper
{
    public override ImportKindSpec Spec => ImportKinds.Find(ImportKinds.MicroConversions)!;
    public override string Table => "micro_conversions";
    public override IReadOnlyList<string> Columns { get; } = ["date", "market_id", "channel_id", "campaign_id", "definition_id", "source", "count"];
    public override IReadOnlyList<string> KeyColumns { get; } = ["date", "market_id", "channel_id", "campaign_id", "definition_id", "source"];

    public override MapOutcome Map(RowContext row, object?[] v)
    {
        row.Date("date", out var date);
        var marketOk = row.Market("market", out var market);
        row.Channel("channel", out var channel);
        var eventOk = row.Event("event", marketOk ? market : null, out var definition);
        row.Source("source", eventOk ? definition : null, out var source);
        row.Count("count", out var count);
        if (!row.IsValid)
        {
            return MapOutcome.Invalid;
        }

        v[0] = date; v[1] = market.Id; v[2] = channel; v[3] = row.Refs.CampaignId(row.Trimmed("campaign"));
        v[4] = definition.Id; v[5] = source; v[6] = count;
        return MapOutcome.Stage;
    }
}

internal sealed class SalesMapper : KindMapper
{
    public override ImportKindSpec Spec => ImportKinds.Find(ImportKinds.Sales)!;
    public override string Table => "sales";
    public override IReadOnlyList<string> Columns { get; } = ["date", "market_id", "brand_id", "sku", "orders", "units", "revenue", "currency"];
    public override IReadOnlyList<string> KeyColumns { get; } = ["date", "market_id", "brand_id", "sku"];

    public override MapOutcome Map(RowContext row, object?[] v)
    {
        row.Date("date", out var date);
        row.Market("market", out var market);
        row.Required("brand", out var brand);
        row.Count("orders", out var orders);
        row.Count("units", out var units);
        row.Money("revenue", out var revenue);
        row.Currency("currency", out var currency);
        if (!row.IsValid)
        {
            return MapOutcome.Invalid;
        }

        v[0] = date; v[1] = market.Id; v[2] = row.Refs.BrandId(brand); v[3] = row.Trimmed("sku");
        v[4] = orders; v[5] = units; v[6] = revenue.Units; v[7] = currency;
        return MapOutcome.Stage;
    }

    public override IReadOnlyList<IReadOnlyList<string>> StageIndexes { get; } = [["date", "market_id", "brand_id"]];

    // DATA.md: a brand's sales for one market and day are brand-level or by SKU, never both (in the file or against stored rows).
    public override IReadOnlyList<string> CrossRowChecks { get; } =
    [
        """
        SELECT s.line, 'sku', s.sku, 'mixes brand-level and SKU-level sales for one brand, market and day (line '
               || CAST(o.line AS TEXT) || ' of this file); use one or the other'
        FROM stage s JOIN stage o ON o.date = s.date AND o.market_id = s.market_id AND o.brand_id = s.brand_id
        WHERE s.sku <> '' AND o.sku = ''
        """,
        """
        SELECT s.line, 'sku', s.sku, CASE WHEN s.sku = ''
                 THEN 'is brand-level, but SKU-level sales are stored for this brand, market and day'
                 ELSE 'is SKU-level, but brand-level sales are stored for this brand, market and day' END
        FROM stage s
        WHERE EXISTS (SELECT 1 FROM sales t WHERE t.superseded_by IS NULL AND t.date = s.date AND t.market_id = s.market_id
                      AND t.brand_id = s.brand_id AND ((s.sku = '' AND t.sku <> '') OR (s.sku <> '' AND t.sku = '')))
        """,
    ];
}

internal sealed class SpendMapper : KindMapper
{
    public override ImportKindSpec Spec => ImportKinds.Find(ImportKinds.Spend)!;
    public override string Table => "spend";
    public override IReadOnlyList<string> Columns { get; } = ["date", "market_id", "channel_id", "campaign_id", "spend", "currency"];
    public override IReadOnlyList<string> KeyColumns { get; } = ["date", "market_id", "channel_id", "campaign_id"];

    public override MapOutcome Map(RowContext row, object?[] v)
    {
        row.Date("date", out var date);
        row.Market("market", out var market);
        row.Channel("channel", out var channel);
        row.Money("spend", out var spend);
        row.Currency("currency", out var currency);
        if (!row.IsValid)
        {
            return MapOutcome.Invalid;
        }

        v[0] = date; v[1] = market.Id; v[2] = channel; v[3] = row.Refs.CampaignId(row.Trimmed("campaign"));
        v[4] = spend.Units; v[5] = currency;
        return MapOutcome.Stage;
    }
}

internal sealed class TrafficMapper : KindMapper
{
    public override ImportKindSpec Spec => ImportKinds.Find(ImportKinds.Traffic)!;
    public override string Table => "traffic";
    public override IReadOnlyList<string> Columns { get; } = ["date", "market_id", "channel_id", "sessions", "non_purchase_sessions", "non_purchase_reported"];
    public override IReadOnlyList<string> KeyColumns { get; } = ["date", "market_id", "channel_id"];

    public override MapOutcome Map(RowContext row, object?[] v)
    {
        row.Date("date", out var date);
        row.Market("market", out var market);
        row.Channel("channel", out var channel);
        row.Count("sessions", out var sessions);
        if (row.OptionalCount("non_purchase_sessions", out var nonPurchase, out var reported) && reported && nonPurchase > sessions)
        {
            row.Error("non_purchase_sessions", row.Trimmed("non_purchase_sessions"), "is greater than sessions");
        }

        if (!row.IsValid)
        {
            return MapOutcome.Invalid;
        }

        v[0] = date; v[1] = market.Id; v[2] = channel; v[3] = sessions; v[4] = nonPurchase; v[5] = reported;
        return MapOutcome.Stage;
    }
}

internal sealed class JourneysMapper : KindMapper
{
    public const string Visit = "visit";
    public const string Purchase = "purchase";

    public override ImportKindSpec Spec => ImportKinds.Find(ImportKinds.Journeys)!;
    public override string Table => "journeys";
    public override IReadOnlyList<string> Columns { get; } = ["journey_id", "market_id", "timestamp_utc", "channel_id", "event", "revenue", "currency"];
    public override IReadOnlyList<string> KeyColumns { get; } = ["journey_id", "market_id", "timestamp_utc", "channel_id", "event"];

    public override MapOutcome Map(RowContext row, object?[] v)
    {
        row.Required("journey_id", out var journeyId);
        var marketOk = row.Market("market", out var market);
        row.Timestamp("timestamp", out var timestamp);
        row.Channel("channel", out var channel);
        var eventName = row.Trimmed("event");
        var eventKey = eventName;
        if (eventName is not (Visit or Purchase))
        {
            eventKey = row.Event("event", marketOk ? market : null, out var definition) ? definition.Key : "";
        }

        row.OptionalMoney("revenue", out var revenue, out var hasRevenue);
        var currency = row.Trimmed("currency");
        if (currency.Length > 0 && FieldParsers.Currency(currency) is { } reason)
        {
            row.Error("currency", currency, reason);
        }

        var consentText = row.Trimmed("consent");
        var consent = true;
        if (consentText.Length > 0 && FieldParsers.Boolean(consentText, out consent) is { } consentReason)
        {
            row.Error("consent", consentText, consentReason);
        }

        if (hasRevenue && eventKey != Purchase && eventName.Length > 0 && revenue.Units != 0)
        {
            row.Error("revenue", row.Trimmed("revenue"), "is only recorded on purchase rows");
        }

        if (!row.IsValid)
        {
            return MapOutcome.Invalid;
        }

        v[0] = journeyId; v[1] = market.Id; v[2] = timestamp; v[3] = channel; v[4] = eventKey;
        v[5] = revenue.Units; v[6] = hasRevenue && currency.Length == 0 ? market.Currency : currency;
        return consent ? MapOutcome.Stage : MapOutcome.Withdrawn;
    }
}
