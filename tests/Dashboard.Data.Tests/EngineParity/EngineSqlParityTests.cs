using System.Globalization;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests.EngineParity;

/// <summary>The demo database, its snapshot and the engine, built once for the parity tests.</summary>
public sealed class ParityFixture : IAsyncLifetime
{
    private TempDatabase? _database;

    public MetricsEngine Engine { get; private set; } = null!;

    internal SqlReference Sql { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _database = TempDatabase.CopyOf(await SeededTemplate.GetAsync());
        await using var db = _database.Open();
        Engine = new MetricsEngine(await SnapshotLoader.LoadAsync(db));
        Sql = new SqlReference(_database.Path);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>
/// The engine against plain SQL on the same database: a seeded random set of queries (ranges, measures, groupings,
/// filters, access scopes, unsupported combinations) must give the same groups and the same values to 1e-9
/// relative, or both absent.
/// </summary>
public sealed class EngineSqlParityTests(ParityFixture data) : IClassFixture<ParityFixture>
{
    private static readonly DateOnly FirstDay = SeededTemplate.EndDate.AddYears(-3).AddDays(1);

    private static readonly string[] Measures =
    [
        "micro_conversions", "sessions", "micro_conversion_rate", "orders", "units", "revenue", "spend",
        "conversion_rate", "true_conversion_rate", "cost_per_micro_conversion", "tracking_coverage",
    ];

    private static readonly Dimension[] Groupings =
    [
        Dimension.Market, Dimension.Region, Dimension.Channel, Dimension.Event, Dimension.Category, Dimension.IntentGroup,
        Dimension.Source, Dimension.Campaign, Dimension.Brand, Dimension.Month, Dimension.Quarter, Dimension.Year, Dimension.Week, Dimension.Day,
    ];

    /// <summary>METRICS.md's table: the dimensions each measure supports besides time, region and market.</summary>
    private static readonly Dictionary<string, Dimension[]> Supports = new()
    {
        ["micro_conversions"] = [Dimension.Channel, Dimension.Campaign, .. SqlReference.EventDimensions],
        ["sessions"] = [Dimension.Channel],
        ["micro_conversion_rate"] = [Dimension.Channel, .. SqlReference.EventDimensions],
        ["orders"] = [Dimension.Brand, Dimension.Sku],
        ["units"] = [Dimension.Brand, Dimension.Sku],
        ["revenue"] = [Dimension.Brand, Dimension.Sku],
        ["conversion_rate"] = [],
        ["true_conversion_rate"] = [],
        ["spend"] = [Dimension.Channel, Dimension.Campaign],
        ["cost_per_micro_conversion"] = [Dimension.Channel, Dimension.Campaign, .. SqlReference.EventDimensions],
        ["tracking_coverage"] = [Dimension.Event, Dimension.Category, Dimension.IntentGroup],
    };

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < 200; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_random_query_gives_what_SQL_gives(int seed) => AssertParity(RandomQuery(seed));

    [Fact]
    public void Revenue_spend_and_actions_by_market_and_month_for_a_year_match_SQL() => AssertParity(new MetricsQuery
    {
        Range = new DateRange(new DateOnly(2025, 7, 1), new DateOnly(2026, 6, 30)),
        Measures = ["revenue", "spend", "micro_conversions"],
        By = [Dimension.Market, Dimension.Month],
        Scope = AccessScope.All,
    });

    [Fact]
    public void Rates_by_event_divide_by_the_sessions_of_the_channel_scope_as_SQL_does() => AssertParity(new MetricsQuery
    {
        Range = new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)),
        Measures = ["micro_conversion_rate", "cost_per_micro_conversion", "tracking_coverage"],
        By = [Dimension.Event],
        Filters = new Dictionary<Dimension, IReadOnlyList<string>> { [Dimension.Region] = ["emea"] },
        Scope = AccessScope.All,
    });

    private static MetricsQuery RandomQuery(int seed)
    {
        var random = new Random(20261123 + seed);
        var length = new[] { 1, 7, 28, 31, 92, 120 }[random.Next(6)];
        var from = FirstDay.AddDays(random.Next(SeededTemplate.EndDate.DayNumber - FirstDay.DayNumber - length + 2));
        var by = new List<Dimension>();
        for (var n = random.Next(3); by.Count < n;)
        {
            var d = Groupings[random.Next(Groupings.Length)];
            if (!by.Contains(d) && !(d.IsTime() && by.Any(b => b.IsTime())) && !(d == Dimension.Day && length > 31))
            {
                by.Add(d);
            }
        }

        var filters = new Dictionary<Dimension, IReadOnlyList<string>>();
        if (random.NextDouble() < 0.3)
        {
            filters[Dimension.Market] = Pick(random, ["US", "DE", "BR", "JP", "GB", "FR", "IN", "ZA"], 1 + random.Next(3));
        }

        if (random.NextDouble() < 0.2)
        {
            filters[Dimension.Channel] = Pick(random, ["paid_social", "paid_search", "display", "email_crm", "organic"], 1 + random.Next(2));
        }

        if (random.NextDouble() < 0.2)
        {
            filters[Dimension.Event] = Pick(random, ["newsletter_signup", "coupon_download", "add_to_cart", "scan_to_win", "social_follow"], 1 + random.Next(2));
        }

        if (random.NextDouble() < 0.1)
        {
            filters[Dimension.Region] = Pick(random, ["emea", "apac", "latin_america", "north_america"], 1);
        }

        return new MetricsQuery
        {
            Range = new DateRange(from, from.AddDays(length - 1)),
            Measures = Pick(random, Measures, 2 + random.Next(4)),
            By = by,
            Filters = filters,
            Scope = random.NextDouble() < 0.2 ? AccessScope.Only(["GB", "DE", "FR", "ES", "IT", "NL", "PL", "SE", "TR", "ZA", "AE"]) : AccessScope.All,
        };
    }

    private static List<string> Pick(Random random, string[] from, int count) => from.OrderBy(_ => random.Next()).Take(count).ToList();

    private void AssertParity(MetricsQuery query)
    {
        var answer = data.Engine.Run(query);
        var expected = new Expected(data.Sql, query, query.By);
        var keysWithRows = expected.RowKeys(MeasuresSupported(query).ToList());
        var engineKeys = answer.Rows.Select(r => string.Join("|", query.By.Select(d => r.Group[d]))).ToHashSet(StringComparer.Ordinal);
        if (keysWithRows is not null)
        {
            Assert.True(keysWithRows.SetEquals(engineKeys),
                $"{Describe(query)}: groups differ; only SQL: {string.Join(", ", keysWithRows.Except(engineKeys).Take(5))}; only engine: {string.Join(", ", engineKeys.Except(keysWithRows).Take(5))}");
        }

        foreach (var row in answer.Rows)
        {
            var key = string.Join("|", query.By.Select(d => row.Group[d]));
            foreach (var measure in query.Measures)
            {
                Compare(query, measure, key, row.Values[measure], expected);
            }
        }

        var totals = new Expected(data.Sql, query, []);
        foreach (var measure in query.Measures.Where(m => Supported(query, m)))
        {
            Compare(query, measure, "", answer.Totals.Values[measure], totals);
        }
    }

    private static IEnumerable<string> MeasuresSupported(MetricsQuery query) => query.Measures.Where(m => Supported(query, m));

    private static bool Supported(MetricsQuery query, string measure) =>
        query.By.Concat(query.Filters.Keys).All(d => d is Dimension.Market or Dimension.Region || d.IsTime() || Supports[measure].Contains(d));

    private static void Compare(MetricsQuery query, string measure, string key, MeasureValue actual, Expected expected)
    {
        var want = Supported(query, measure) ? expected.Value(measure, key) : null;
        if (want is null || actual.Value is null)
        {
            Assert.True(want is null && actual.Value is null,
                $"{Describe(query)} [{key}] {measure}: SQL {Text(want)}, engine {Text(actual.Value)} ({actual.AbsentReason})");
            return;
        }

        var tolerance = 1e-9 * Math.Max(1, Math.Max(Math.Abs(want.Value), Math.Abs(actual.Value.Value)));
        Assert.True(Math.Abs(want.Value - actual.Value.Value) <= tolerance,
            $"{Describe(query)} [{key}] {measure}: SQL {Text(want)}, engine {Text(actual.Value)}");
    }

    private static string Text(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "absent";

    private static string Describe(MetricsQuery q) =>
        $"{q.Range} by [{string.Join(",", q.By.Select(d => d.Key()))}] filters [{string.Join("; ", q.Filters.Select(f => f.Key.Key() + "=" + string.Join(",", f.Value)))}] scope {(q.Scope.Markets is null ? "all" : "emea")}";

    /// <summary>The SQL side of one query at one grouping, computed lazily per table.</summary>
    private sealed class Expected(SqlReference sql, MetricsQuery query, IReadOnlyList<Dimension> by)
    {
        private readonly Dictionary<string, Dictionary<string, double[]>> _sums = [];
        private readonly IReadOnlyList<Dimension> _eventless = by.Where(d => !SqlReference.EventDimensions.Contains(d)).ToList();
        private Dictionary<string, double>? _reporting;
        private Dictionary<string, double>? _reportingAny;

        private Dictionary<string, double[]> Sums(string table, bool eventless = false) =>
            _sums.TryGetValue(table + eventless, out var s) ? s
            : _sums[table + eventless] = sql.Sums(table, query, eventless ? _eventless : by);

        private string Eventless(string key) =>
            string.Join("|", by.Select((d, i) => (d, part: key.Length == 0 ? "" : key.Split('|')[i])).Where(x => !SqlReference.EventDimensions.Contains(x.d)).Select(x => x.part));

        private static double Get(Dictionary<string, double[]> sums, string key, int index) => sums.TryGetValue(key, out var v) ? v[index] : 0;

        private static double? Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : null;

        /// <summary>Groups that have rows in a table holding every grouped dimension (null when no such table is asked for).</summary>
        public HashSet<string>? RowKeys(IReadOnlyList<string> measures)
        {
            var tables = new Dictionary<string, string[]>
            {
                ["micro"] = ["micro_conversions", "micro_conversion_rate", "cost_per_micro_conversion"],
                ["traffic"] = ["sessions", "micro_conversion_rate", "conversion_rate", "true_conversion_rate"],
                ["sales"] = ["orders", "units", "revenue", "conversion_rate", "true_conversion_rate"],
                ["spend"] = ["spend", "cost_per_micro_conversion"],
            };
            var grouped = by.Where(d => d is not (Dimension.Market or Dimension.Region) && !d.IsTime()).ToList();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var any = false;
            foreach (var (table, uses) in tables.Where(t => t.Value.Any(measures.Contains) && grouped.All(SqlReference.TableDimensions[t.Key].Contains)))
            {
                any = true;
                keys.UnionWith(Sums(table).Keys);
            }

            if (measures.Contains("tracking_coverage"))
            {
                any = true;
                _reporting ??= sql.ReportingMarkets(query, by, applyEventFilters: true);
                keys.UnionWith(_reporting.Keys);
            }

            return any ? keys : null;
        }

        public double? Value(string measure, string key) => measure switch
        {
            "micro_conversions" => Get(Sums("micro"), key, 0),
            "sessions" => Get(Sums("traffic"), key, 0),
            "micro_conversion_rate" => Ratio(Get(Sums("micro"), key, 0), Get(Sums("traffic", eventless: true), Eventless(key), 0)),
            "orders" => Get(Sums("sales"), key, 0),
            "units" => Get(Sums("sales"), key, 1),
            "revenue" => Get(Sums("sales"), key, 2),
            "spend" => Get(Sums("spend"), key, 0),
            "conversion_rate" => Ratio(Get(Sums("sales"), key, 0), Get(Sums("traffic"), key, 0)),
            "true_conversion_rate" => Ratio(Get(Sums("sales"), key, 0), Get(Sums("traffic"), key, 0) - Get(Sums("traffic"), key, 1)),
            "cost_per_micro_conversion" => Ratio(Get(Sums("spend", eventless: true), Eventless(key), 0), Get(Sums("micro"), key, 0)),
            "tracking_coverage" => Ratio(
                (_reporting ??= sql.ReportingMarkets(query, by, applyEventFilters: true)).GetValueOrDefault(key),
                (_reportingAny ??= sql.ReportingMarkets(query, _eventless, applyEventFilters: false)).GetValueOrDefault(Eventless(key))),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
        };
    }
}
