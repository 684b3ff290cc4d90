using System.CommandLine;
using Dashboard.Attribution;
using Dashboard.Attribution.Journeys;
using Dashboard.Attribution.Lift;
using Dashboard.Attribution.Valuation;
using Dashboard.Attribution.Serialization;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;

namespace Dashboard.Cli.Commands;

/// <summary>`dashboard attribution --model …` and `dashboard journeys` (API.md): the attribution service's answers as JSON.</summary>
internal static class AttributionCommands
{
    private sealed record ScopeOptions(Option<string?> From, Option<string?> To, Option<string?> Market, Option<string?> Region, Option<int> Lookback)
    {
        public static ScopeOptions Create() => new(
            new("--from") { Description = "First day of the paths' last touches, YYYY-MM-DD (default: 28 days ending at the last date with data)" },
            new("--to") { Description = "Last day, YYYY-MM-DD (inclusive)" },
            new("--market") { Description = "Only these markets: A,B" },
            new("--region") { Description = "Only this region (or regions: R1,R2)" },
            new("--lookback-days") { Description = "Touches more than this many days before the conversion are dropped", DefaultValueFactory = _ => 30 });

        public void AddTo(Command command)
        {
            command.Options.Add(From);
            command.Options.Add(To);
            command.Options.Add(Market);
            command.Options.Add(Region);
            command.Options.Add(Lookback);
        }

        public AttributionQuery Query(ParseResult parse, Metrics.Snapshot.FactSnapshot snapshot) => new()
        {
            Range = CommandParsing.Range(parse.GetValue(From), parse.GetValue(To), snapshot.LastDay),
            Filters = CommandParsing.ScopeFilters(parse.GetValue(Market), parse.GetValue(Region)),
            LookbackDays = parse.GetValue(Lookback),
            Scope = AccessScope.All,
        };
    }

    public static Command Attribution(CliContext cli)
    {
        var scope = ScopeOptions.Create();
        var model = new Option<string>("--model")
        {
            Description = "first_touch | last_touch | linear | time_decay | position_based | markov | shapley | all",
            DefaultValueFactory = _ => AttributionModels.Default.Key(),
        };
        var halfLife = new Option<double>("--half-life-days") { Description = "Time decay half-life in days", DefaultValueFactory = _ => 7 };
        var order = new Option<int>("--order") { Description = "Markov chain order: 1, 2 or 3", DefaultValueFactory = _ => 1 };
        var currency = new Option<string>("--currency") { Description = "Reporting currency (ISO 4217)", DefaultValueFactory = _ => "USD" };
        var command = new Command("attribution", "Credit conversions and revenue to channels from the journeys, under one model or all") { model, halfLife, order, currency };
        scope.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(cli, parse, snapshot =>
        {
            var query = scope.Query(parse, snapshot) with
            {
                HalfLifeDays = parse.GetValue(halfLife),
                MarkovOrder = parse.GetValue(order),
                Currency = parse.GetValue(currency)!,
            };
            var service = new AttributionService(snapshot);
            var key = parse.GetValue(model)!;
            if (string.Equals(key.Trim(), "all", StringComparison.OrdinalIgnoreCase))
            {
                return AttributionJson.ToJson(service.Compare(query), query.Range);
            }

            return AttributionModels.TryParse(key, out var m)
                ? AttributionJson.ToJson(service.Run(query with { Model = m }), query.Range)
                : throw new MetricsQueryException($"--model '{key}' is not one of {string.Join(", ", AttributionModels.All.Select(x => x.Key()))} or all");
        }, ct));
        return command;
    }

    public static Command Journeys(CliContext cli)
    {
        var scope = ScopeOptions.Create();
        var command = new Command("journeys", "Journey measures: micro-to-macro lift, micro-engagement rate, intent progression");
        scope.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(cli, parse, snapshot =>
        {
            var query = scope.Query(parse, snapshot);
            return AttributionJson.ToJson(JourneyMeasures.Run(snapshot, query), query.Range);
        }, ct));
        return command;
    }

    public static Command Valuation(CliContext cli)
    {
        var from = new Option<string?>("--from") { Description = "First day to fit on, YYYY-MM-DD (default: the first day with sales)" };
        var to = new Option<string?>("--to") { Description = "Last day to fit on (default: the last day with sales)" };
        var market = new Option<string?>("--market") { Description = "Only these markets: A,B" };
        var region = new Option<string?>("--region") { Description = "Only this region (or regions: R1,R2)" };
        var lags = new Option<int>("--max-lag-days") { Description = "An action moves sales on its day and up to this many days after", DefaultValueFactory = _ => ValuationQuery.DefaultMaxLagDays };
        var currency = new Option<string>("--currency") { Description = "Reporting currency (ISO 4217)", DefaultValueFactory = _ => "USD" };
        var command = new Command("valuation", "The revenue value of one more micro-conversion of each type, with a 90% interval") { from, to, market, region, lags, currency };
        command.SetAction((parse, ct) => RunAsync(cli, parse, snapshot =>
        {
            var (f, t) = (parse.GetValue(from), parse.GetValue(to));
            var query = new ValuationQuery
            {
                Range = f is null && t is null ? null : CommandParsing.Range(f, t, snapshot.LastDay),
                Filters = CommandParsing.ScopeFilters(parse.GetValue(market), parse.GetValue(region)),
                MaxLagDays = parse.GetValue(lags),
                Currency = parse.GetValue(currency)!,
                Scope = AccessScope.All,
            };
            return AttributionJson.ToJson(ValuationModel.Run(snapshot, query));
        }, ct));
        return command;
    }

    public static Command Lift(CliContext cli)
    {
        var test = new Option<string>("--test") { Description = "Name of the holdout test", Required = true };
        var outcome = new Option<string>("--outcome") { Description = "revenue, or a micro-conversion key", DefaultValueFactory = _ => HoldoutLift.RevenueOutcome };
        var currency = new Option<string>("--currency") { Description = "Reporting currency of revenue (ISO 4217)", DefaultValueFactory = _ => "USD" };
        var command = new Command("lift", "Difference-in-differences lift of a geo holdout test, with a 90% block-bootstrap interval") { test, outcome, currency };
        command.SetAction((parse, ct) => RunAsync(cli, parse, snapshot =>
            AttributionJson.ToJson(HoldoutLift.Run(snapshot, parse.GetValue(test)!, parse.GetValue(outcome)!, AccessScope.All, parse.GetValue(currency)!)), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, Func<Metrics.Snapshot.FactSnapshot, System.Text.Json.Nodes.JsonObject> answer, CancellationToken ct)
    {
        try
        {
            await using var db = await cli.OpenAsync(parse, ct);
            var snapshot = await SnapshotLoader.LoadAsync(db, ct);
            cli.Write(answer(snapshot));
            return 0;
        }
        catch (Exception ex) when (ex is MetricsQueryException or FormatException or ArgumentException)
        {
            await cli.Err.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
