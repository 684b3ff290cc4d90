namespace Dashboard.Domain.Imports;

/// <summary>What a column's text must look like (DATA.md "Common rules").</summary>
public enum ColumnType
{
    Date,
    Timestamp,
    Month,
    Market,
    Channel,
    Event,
    Source,
    Text,
    Count,
    Money,
    Currency,
    Number,
    PositiveNumber,
    Boolean,
    Score,
    Choice,
}

/// <summary>Whether a column must be in the header and whether its value may be empty.</summary>
public enum Presence
{
    /// <summary>In the header, never empty.</summary>
    Required,

    /// <summary>In the header; an empty value is allowed and stored as the empty string.</summary>
    EmptyAllowed,

    /// <summary>May be left out of the header; empty when absent.</summary>
    Optional,
}

public sealed record ColumnSpec(string Name, ColumnType Type, Presence Presence, bool IsKey, IReadOnlyList<string>? Choices = null);

public sealed record ImportKindSpec(string Key, string Description, IReadOnlyList<ColumnSpec> Columns)
{
    public IEnumerable<ColumnSpec> KeyColumns => Columns.Where(c => c.IsKey);

    public ColumnSpec? Column(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The standard import formats of DATA.md: the public contract for loading data.</summary>
public static class ImportKinds
{
    public const string MicroConversions = "micro_conversions";
    public const string Sales = "sales";
    public const string Spend = "spend";
    public const string Traffic = "traffic";
    public const string Journeys = "journeys";
    public const string Campaigns = "campaigns";
    public const string Context = "context";
    public const string HoldoutTests = "holdout_tests";
    public const string SurveyResponses = "survey_responses";
    public const string FxRates = "fx_rates";

    public static IReadOnlyList<string> ContextTypes { get; } = ["competitor_promo", "price_change", "holiday", "stock_out", "other"];

    public static IReadOnlyList<string> Objectives { get; } = ["awareness", "engagement", "conversion"];

    public static IReadOnlyList<string> HoldoutGroups { get; } = ["test", "control"];

    private static ColumnSpec Key(string name, ColumnType type, Presence presence = Presence.Required) => new(name, type, presence, IsKey: true);

    private static ColumnSpec Col(string name, ColumnType type, Presence presence = Presence.Required) => new(name, type, presence, IsKey: false);

    private static ColumnSpec Pick(string name, IReadOnlyList<string> choices, bool isKey = false, Presence presence = Presence.Required) => new(name, ColumnType.Choice, presence, isKey, choices);

    public static IReadOnlyList<ImportKindSpec> All { get; } =
    [
        new(MicroConversions, "Daily counts of micro-conversions per market, channel, campaign and event",
        [
            Key("date", ColumnType.Date), Key("market", ColumnType.Market), Key("channel", ColumnType.Channel),
            Key("campaign", ColumnType.Text, Presence.EmptyAllowed), Key("event", ColumnType.Event),
            Key("source", ColumnType.Source, Presence.Optional), Col("count", ColumnType.Count),
        ]),
        new(Sales, "Daily sales per market and brand, optionally by SKU",
        [
            Key("date", ColumnType.Date), Key("market", ColumnType.Market), Key("brand", ColumnType.Text),
            Key("sku", ColumnType.Text, Presence.EmptyAllowed), Col("orders", ColumnType.Count), Col("units", ColumnType.Count),
            Col("revenue", ColumnType.Money), Col("currency", ColumnType.Currency),
        ]),
        new(Spend, "Daily media spend per market, channel and campaign",
        [
            Key("date", ColumnType.Date), Key("market", ColumnType.Market), Key("channel", ColumnType.Channel),
            Key("campaign", ColumnType.Text, Presence.EmptyAllowed), Col("spend", ColumnType.Money), Col("currency", ColumnType.Currency),
        ]),
        new(Traffic, "Daily sessions per market and channel",
        [
            Key("date", ColumnType.Date), Key("market", ColumnType.Market), Key("channel", ColumnType.Channel),
            Col("sessions", ColumnType.Count), Col("non_purchase_sessions", ColumnType.Count, Presence.Optional),
        ]),
        new(Journeys, "Pseudonymous user journeys, one row per touch",
        [
            Key("journey_id", ColumnType.Text), Key("market", ColumnType.Market), Key("timestamp", ColumnType.Timestamp),
            Key("channel", ColumnType.Channel), Key("event", ColumnType.Event), Col("revenue", ColumnType.Money, Presence.Optional),
            Col("currency", ColumnType.Currency, Presence.Optional), Col("consent", ColumnType.Boolean, Presence.Optional),
        ]),
        new(Campaigns, "Campaign flights (dates for annotations and models)",
        [
            Key("campaign", ColumnType.Text), Col("name", ColumnType.Text), Col("channel", ColumnType.Channel),
            Col("start", ColumnType.Date), Col("end", ColumnType.Date), Pick("objective", Objectives, presence: Presence.Optional),
        ]),
        new(Context, "Known confounders: competitor promotions, price changes, holidays, stock-outs",
        [
            Key("date", ColumnType.Date), Key("market", ColumnType.Market), Pick("type", ContextTypes, isKey: true),
            Col("value", ColumnType.Number, Presence.Optional), Col("note", ColumnType.Text, Presence.Optional),
        ]),
        new(HoldoutTests, "Holdout and geo-lift test design: test and control markets",
        [
            Key("test", ColumnType.Text), Key("market", ColumnType.Market), Pick("group", HoldoutGroups),
            Col("start", ColumnType.Date), Col("end", ColumnType.Date), Col("channel", ColumnType.Channel, Presence.Optional),
        ]),
        new(SurveyResponses, "Survey answers: why a consumer took an action, and a score",
        [
            Key("date", ColumnType.Date), Key("market", ColumnType.Market), Key("event", ColumnType.Event),
            Key("respondent_id", ColumnType.Text), Col("reason", ColumnType.Text, Presence.EmptyAllowed), Col("score", ColumnType.Score),
        ]),
        new(FxRates, "Monthly exchange rates against the US dollar",
        [
            Key("month", ColumnType.Month), Key("currency", ColumnType.Currency), Col("usd_rate", ColumnType.PositiveNumber),
        ]),
    ];

    public static ImportKindSpec? Find(string key) => All.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase));
}
