using Dashboard.Domain.Imports;

namespace Dashboard.Data.Imports;

internal enum MapOutcome
{
    /// <summary>Valid: stage the values.</summary>
    Stage,

    /// <summary>Valid but not stored (a journey row that withdraws consent).</summary>
    Withdrawn,

    /// <summary>Errors were recorded.</summary>
    Invalid,
}

/// <summary>Turns one validated CSV row of a kind into the values of its table's columns.</summary>
internal abstract class KindMapper
{
    public abstract ImportKindSpec Spec { get; }

    /// <summary>The target table, whose rows are versioned (<see cref="Entities.ImportedRow"/>).</summary>
    public abstract string Table { get; }

    /// <summary>The target columns written by an import, in the order <see cref="Map"/> fills them.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>The natural key (DATA.md), as target columns.</summary>
    public abstract IReadOnlyList<string> KeyColumns { get; }

    public abstract MapOutcome Map(RowContext row, object?[] values);

    /// <summary>
    /// Checks that need the whole file or the stored data. Each query selects (line, column, value, message)
    /// from the staging table "stage" and may read the target table's current rows.
    /// </summary>
    public virtual IReadOnlyList<string> CrossRowChecks => [];

    /// <summary>Stage indexes the cross-row checks need (each a list of stage columns).</summary>
    public virtual IReadOnlyList<IReadOnlyList<string>> StageIndexes => [];

    /// <summary>SQL giving a staged column as the file wrote it: reference ids back to their keys, other values as text.</summary>
    public static string DisplaySql(string alias, string column) => column switch
    {
        "market_id" => $"(SELECT x.code FROM markets x WHERE x.id = {alias}.market_id)",
        "channel_id" => $"(SELECT x.key FROM channels x WHERE x.id = {alias}.channel_id)",
        "campaign_id" => $"(SELECT x.key FROM campaigns x WHERE x.id = {alias}.campaign_id)",
        "definition_id" => $"(SELECT x.key FROM definitions x WHERE x.id = {alias}.definition_id)",
        "brand_id" => $"(SELECT x.key FROM brands x WHERE x.id = {alias}.brand_id)",
        _ => $"CAST({alias}.{SqlText.Quote(column)} AS TEXT)",
    };

    protected static MapOutcome Outcome(RowContext row) => row.IsValid ? MapOutcome.Stage : MapOutcome.Invalid;

    public static KindMapper For(string kind) => kind switch
    {
        ImportKinds.MicroConversions => new MicroConversionsMapper(),
        ImportKinds.Sales => new SalesMapper(),
        ImportKinds.Spend => new SpendMapper(),
        ImportKinds.Traffic => new TrafficMapper(),
        ImportKinds.Journeys => new JourneysMapper(),
        ImportKinds.Campaigns => new CampaignsMapper(),
        ImportKinds.Context => new ContextMapper(),
        ImportKinds.HoldoutTests => new HoldoutTestsMapper(),
        ImportKinds.SurveyResponses => new SurveyResponsesMapper(),
        ImportKinds.FxRates => new FxRatesMapper(),
        _ => throw new ArgumentException($"unknown import kind '{kind}'", nameof(kind)),
    };
}
