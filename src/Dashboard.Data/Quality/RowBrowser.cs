using System.Globalization;
using Dashboard.Domain.Imports;

namespace Dashboard.Data.Quality;

/// <summary>Which current rows to show: a kind and any of its standard columns' values (date ranges by from/to).</summary>
public sealed record RowFilter(string Kind, IReadOnlyDictionary<string, string> Values, DateOnly? From = null, DateOnly? To = null);

/// <summary>Rows as the standard format writes them, with the import that stored each.</summary>
public sealed record RowPage(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, long Total);

/// <summary>
/// The rows behind a finding: current rows of one kind, filtered by standard column values, shown in the standard
/// format (keys, not ids) with the import that stored them. Reads only.
/// </summary>
public static class RowBrowser
{
    public const int PageSize = 500;

    private sealed record KindSql(string From, IReadOnlyList<(string Column, string Sql)> Columns, string Date);

    private static readonly Dictionary<string, KindSql> SqliteKinds = KindsFor(SqlDialect.ForSqlite);
    private static readonly Dictionary<string, KindSql> PostgresKinds = KindsFor(SqlDialect.ForPostgres);

    /// <summary>Money is stored in ten-thousandths; a double shows it as the file wrote it.</summary>
    private static string Money(string column) => $"CAST({column} AS DOUBLE PRECISION) / 10000";

    private static Dictionary<string, KindSql> KindsFor(SqlDialect sql) => new(StringComparer.Ordinal)
    {
        [ImportKinds.MicroConversions] = new(
            "micro_conversions f JOIN markets m ON m.id = f.market_id JOIN channels c ON c.id = f.channel_id JOIN campaigns k ON k.id = f.campaign_id JOIN definitions d ON d.id = f.definition_id",
            [("date", "f.date"), ("market", "m.code"), ("channel", "c.key"), ("campaign", "k.key"), ("event", "d.key"), ("source", "f.source"), ("count", "f.count")], "f.date"),
        [ImportKinds.Sales] = new(
            "sales f JOIN markets m ON m.id = f.market_id JOIN brands b ON b.id = f.brand_id",
            [("date", "f.date"), ("market", "m.code"), ("brand", "b.key"), ("sku", "f.sku"), ("orders", "f.orders"), ("units", "f.units"), ("revenue", Money("f.revenue")), ("currency", "f.currency")], "f.date"),
        [ImportKinds.Spend] = new(
            "spend f JOIN markets m ON m.id = f.market_id JOIN channels c ON c.id = f.channel_id JOIN campaigns k ON k.id = f.campaign_id",
            [("date", "f.date"), ("market", "m.code"), ("channel", "c.key"), ("campaign", "k.key"), ("spend", Money("f.spend")), ("currency", "f.currency")], "f.date"),
        [ImportKinds.Traffic] = new(
            "traffic f JOIN markets m ON m.id = f.market_id JOIN channels c ON c.id = f.channel_id",
            [("date", "f.date"), ("market", "m.code"), ("channel", "c.key"), ("sessions", "f.sessions"), ("non_purchase_sessions", "f.non_purchase_sessions")], "f.date"),
        [ImportKinds.Journeys] = new(
            "journeys f JOIN markets m ON m.id = f.market_id JOIN channels c ON c.id = f.channel_id",
            [("journey_id", "f.journey_id"), ("market", "m.code"), ("timestamp", "f.timestamp_utc"), ("channel", "c.key"), ("event", "f.event"), ("revenue", Money("f.revenue")), ("currency", "f.currency")],
            sql.Day("f.timestamp_utc")),
        [ImportKinds.SurveyResponses] = new(
            "survey_responses f JOIN markets m ON m.id = f.market_id JOIN definitions d ON d.id = f.definition_id",
            [("date", "f.date"), ("market", "m.code"), ("event", "d.key"), ("respondent_id", "f.respondent_id"), ("reason", "f.reason"), ("score", "f.score")], "f.date"),
        [ImportKinds.FxRates] = new("fx_rates f", [("month", "f.month"), ("currency", "f.currency"), ("usd_rate", "f.usd_rate")], sql.FirstOfMonth("f.month")),
    };

    public static bool Supports(string kind) => SqliteKinds.ContainsKey(kind);

    public static async Task<RowPage> ReadAsync(DashboardDbContext db, RowFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        await using var open = await OpenConnection.OfAsync(db, ct);
        var connection = open.Connection;
        var dialect = SqlDialect.Of(connection);
        if (!(dialect.IsPostgres ? PostgresKinds : SqliteKinds).TryGetValue(filter.Kind, out var kind))
        {
            throw new ArgumentException($"'{filter.Kind}' has no row view", nameof(filter));
        }

        var where = new List<string> { "f.superseded_by IS NULL" };
        var parameters = new List<(string, object)>();
        foreach (var (column, value) in filter.Values)
        {
            var sql = kind.Columns.FirstOrDefault(c => c.Column == column).Sql
                ?? (column == "month" ? dialect.Month(kind.Date) : throw new ArgumentException($"'{column}' is not a column of {filter.Kind}", nameof(filter)));
            var name = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            where.Add($"{dialect.AsText(sql)} = {name}");
            parameters.Add((name, value));
        }

        if (filter.From is { } from)
        {
            where.Add($"{kind.Date} >= @from");
            parameters.Add(("@from", dialect.DateParameter(from)));
        }

        if (filter.To is { } to)
        {
            where.Add($"{kind.Date} <= @to");
            parameters.Add(("@to", dialect.DateParameter(to)));
        }

        var condition = string.Join(" AND ", where);
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {kind.From} WHERE {condition}";
        Add(count, parameters);
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);

        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {string.Join(", ", kind.Columns.Select(c => c.Sql))}, f.import_id FROM {kind.From} WHERE {condition} ORDER BY {kind.Date} DESC, f.id LIMIT {PageSize}";
        Add(cmd, parameters);
        var rows = new List<IReadOnlyList<string>>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => DbValues.Text(reader, i))]);
        }

        return new RowPage([.. kind.Columns.Select(c => c.Column), "import"], rows, total);
    }

    private static void Add(System.Data.Common.DbCommand cmd, List<(string Name, object Value)> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
    }
}
