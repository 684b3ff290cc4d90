using System.CommandLine;
using Dashboard.Attribution.Incremental;
using ContributionsModel = Dashboard.Attribution.Incremental.Contributions;
using Dashboard.Attribution.Planning;
using Dashboard.Attribution.Serialization;
using Dashboard.Attribution.Valuation;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;

namespace Dashboard.Cli.Commands;

/// <summary>`dashboard scenario` and `dashboard optimize` (API.md): the budget planner's answers as JSON.</summary>
internal static class PlanningCommands
{
    private static Option<string?> PeriodOption() =>
        new("--period") { Description = "next_month | next_quarter | YYYY-MM-DD..YYYY-MM-DD (default: next_quarter, after the last date with data)" };

    private static Option<string> CurrencyOption() =>
        new("--currency") { Description = "Reporting currency of amounts in and out (ISO 4217)", DefaultValueFactory = _ => "USD" };

    public static Command Scenario(CliContext cli)
    {
        var spend = new Option<string?>("--spend") { Description = "Spend per day: channel=amount,… (channels not named keep their current spend)" };
        var (period, currency) = (PeriodOption(), CurrencyOption());
        var command = new Command("scenario", "Predicted revenue, micro-conversions and ROI of a spend plan against the current plan") { spend, period, currency };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetValue(currency)!, planner =>
            PlanningJson.ToJson(planner.Scenario(PlanningParameters.Spend(parse.GetValue(spend)), PlanningPeriod.Parse(parse.GetValue(period), planner.Model.LastDay))), ct));
        return command;
    }

    public static Command Contributions(CliContext cli)
    {
        var from = new Option<string?>("--from") { Description = "First day, YYYY-MM-DD (default: 91 days before --to)" };
        var to = new Option<string?>("--to") { Description = "Last day, YYYY-MM-DD (default: the last day with data)" };
        var market = new Option<string?>("--market") { Description = "Only these markets: A,B" };
        var model = new Option<string>("--model")
        {
            Description = "mediated: through the micro-conversions each channel drives (the sales-only model where no channel has such a curve); revenue: curves fitted on spend and sales alone",
            DefaultValueFactory = _ => ContributionsModel.Mediated,
        };
        var currency = CurrencyOption();
        var command = new Command("contributions", "What each paid channel added to revenue over the period (incremental, not attributed), with 90% intervals")
        {
            from, to, market, model, currency,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var db = await cli.OpenAsync(parse, ct);
                var snapshot = await SnapshotLoader.LoadAsync(db, ct);
                var result = await ContributionsModel.RunAsync(parse.GetValue(model),
                    () => Task.FromResult(ResponseModel.Fit(snapshot, AccessScope.All, ValuationModel.Run(snapshot, new ValuationQuery { Scope = AccessScope.All }))),
                    () => Task.FromResult(RevenueOnlyModel.Fit(snapshot, AccessScope.All)), snapshot.Fx, parse.GetValue(currency)!,
                    parse.GetValue(from) is { } f ? QueryParameters.Date(f, "--from") : null, parse.GetValue(to) is { } t ? QueryParameters.Date(t, "--to") : null,
                    parse.GetValue(market) is { } m ? CommandParsing.List(m).ToHashSet(StringComparer.OrdinalIgnoreCase) : null);
                cli.Write(ContributionsJson.ToJson(result));
                return 0;
            }
            catch (MetricsQueryException ex)
            {
                await cli.Err.WriteLineAsync(ex.Message);
                return 2;
            }
        });
        return command;
    }

    public static Command Optimize(CliContext cli)
    {
        var budget = new Option<double?>("--budget") { Description = "Budget per day to allocate" };
        var target = new Option<double?>("--target-revenue") { Description = "Find the smallest budget whose predicted revenue per day reaches this" };
        var floor = new Option<double?>("--roas-floor") { Description = "Find the largest budget whose incremental ROAS stays at or above this" };
        var mode = new Option<string>("--mode") { Description = "With --budget: revenue | profit", DefaultValueFactory = _ => "revenue" };
        var bounds = new Option<string?>("--bounds") { Description = "Per channel spend per day: channel=min:max,… (default: ±50% of current)" };
        var (period, currency) = (PeriodOption(), CurrencyOption());
        var command = new Command("optimize", "Recommend a spend per channel: most revenue (or profit) for a budget, the budget for a revenue target, or the budget for a ROAS floor")
        {
            budget, target, floor, mode, bounds, period, currency,
        };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetValue(currency)!, planner =>
        {
            var (b, t, f) = (parse.GetValue(budget), parse.GetValue(target), parse.GetValue(floor));
            if ((b is null ? 0 : 1) + (t is null ? 0 : 1) + (f is null ? 0 : 1) != 1)
            {
                throw new MetricsQueryException("give exactly one of --budget, --target-revenue and --roas-floor");
            }

            var chosen = t is not null ? OptimizeMode.TargetRevenue : f is not null ? OptimizeMode.RoasFloor
                : parse.GetValue(mode)!.Trim().ToLowerInvariant() switch
                {
                    "revenue" => OptimizeMode.Revenue,
                    "profit" => OptimizeMode.Profit,
                    var other => throw new MetricsQueryException($"--mode '{other}' is not revenue or profit"),
                };
            var request = new OptimizeRequest(chosen, PlanningPeriod.Parse(parse.GetValue(period), planner.Model.LastDay), b, t, f,
                PlanningParameters.Bounds(parse.GetValue(bounds)));
            return PlanningJson.ToJson(planner.Optimize(request));
        }, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, string currency, Func<BudgetPlanner, System.Text.Json.Nodes.JsonObject> answer, CancellationToken ct)
    {
        try
        {
            await using var db = await cli.OpenAsync(parse, ct);
            var snapshot = await SnapshotLoader.LoadAsync(db, ct);
            cli.Write(answer(PlannerFactory.Create(snapshot, AccessScope.All, currency)));
            return 0;
        }
        catch (Exception ex) when (ex is MetricsQueryException or FormatException or ArgumentException)
        {
            await cli.Err.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
