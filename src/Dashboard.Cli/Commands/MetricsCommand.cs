using System.CommandLine;
using Dashboard.Attribution;
using Dashboard.Attribution.Valuation;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Serialization;
using Dashboard.Metrics.Time;

namespace Dashboard.Cli.Commands;

/// <summary>`dashboard metrics --measures m1,m2 [--by d1,d2] [--filter key=v1,v2 …] [--compare previous|year]`: the engine's answer (API.md).</summary>
internal static class MetricsCommand
{
    public static Command Create(CliContext cli)
    {
        var measures = new Option<string>("--measures") { Description = "Measure keys, comma separated (see the catalogue in METRICS.md)", Required = true };
        var from = new Option<string?>("--from") { Description = "First day, YYYY-MM-DD (default: 28 days ending at the last date with data)" };
        var to = new Option<string?>("--to") { Description = "Last day, YYYY-MM-DD (inclusive)" };
        var by = new Option<string?>("--by") { Description = "Group by: region, market, channel, campaign, brand, sku, event, category, intent_group, source, day, week, month, quarter, year" };
        var filter = new Option<string[]>("--filter") { Description = "key=v1,v2 (repeatable)", AllowMultipleArgumentsPerToken = false };
        var market = new Option<string?>("--market") { Description = "Only these markets: A,B" };
        var region = new Option<string?>("--region") { Description = "Only this region (or regions: R1,R2)" };
        var compare = new Option<string?>("--compare") { Description = "previous | year" };
        var matchWeekday = new Option<bool>("--match-weekday") { Description = "With --compare year: shift back 364 days so weekdays line up" };
        var currency = new Option<string>("--currency") { Description = "Reporting currency (ISO 4217)", DefaultValueFactory = _ => "USD" };
        var model = new Option<string>("--model") { Description = "Attribution model of attributed_revenue, roas and roi", DefaultValueFactory = _ => AttributionModels.Default.Key() };
        var command = new Command("metrics", "Ask the metrics engine: measures for a date range, filtered and grouped")
        {
            measures, from, to, by, filter, market, region, compare, matchWeekday, currency, model,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var db = await cli.OpenAsync(parse, ct);
                var snapshot = await SnapshotLoader.LoadAsync(db, ct);
                var filters = new Dictionary<Dimension, IReadOnlyList<string>>();
                foreach (var item in parse.GetValue(filter) ?? [])
                {
                    var eq = item.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0)
                    {
                        throw new MetricsQueryException($"--filter '{item}' is not key=v1,v2");
                    }

                    filters[CommandParsing.ParseDimension(item[..eq])] = CommandParsing.List(item[(eq + 1)..]);
                }

                if (parse.GetValue(market) is { } markets)
                {
                    filters[Dimension.Market] = CommandParsing.List(markets);
                }

                if (parse.GetValue(region) is { } regions)
                {
                    filters[Dimension.Region] = CommandParsing.List(regions);
                }

                var range = CommandParsing.Range(parse.GetValue(from), parse.GetValue(to), snapshot.LastDay);
                var comparison = Comparison.None;
                if (parse.GetValue(compare) is { } c && !Comparisons.TryParse(c, out comparison))
                {
                    throw new MetricsQueryException($"--compare '{c}' is not previous or year");
                }

                var query = new MetricsQuery
                {
                    Range = range,
                    Measures = CommandParsing.List(parse.GetValue(measures)!),
                    By = parse.GetValue(by) is { } b ? CommandParsing.List(b).Select(CommandParsing.ParseDimension).ToList() : [],
                    Filters = filters,
                    Compare = comparison,
                    MatchWeekday = parse.GetValue(matchWeekday),
                    Currency = parse.GetValue(currency)!,
                    AttributionModel = parse.GetValue(model)!,
                    Scope = AccessScope.All,
                };
                var answer = new MetricsEngine(snapshot, new AttributionCreditSource(snapshot), new ValuationValueSource(snapshot)).Run(query);
                // Metrics has its own CSV (a totals line, comparison columns), not the generic one.
                var output = cli.Format == "csv" ? MetricsAnswerCsv.ToCsv(answer) : MetricsAnswerJson.ToJson(answer).ToJsonString();
                await cli.Out.WriteAsync(output);
                if (!output.EndsWith('\n'))
                {
                    await cli.Out.WriteLineAsync();
                }

                return 0;
            }
            catch (Exception ex) when (ex is MetricsQueryException or FormatException or ArgumentException)
            {
                await cli.Err.WriteLineAsync(ex.Message);
                return 2;
            }
        });
        return command;
    }
}
