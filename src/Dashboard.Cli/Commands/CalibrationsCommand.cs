using System.CommandLine;
using System.Text.Json.Nodes;
using Dashboard.Application.Admin;
using Dashboard.Application.Analysis;
using Dashboard.Attribution.Incremental;
using Dashboard.Attribution.Serialization;
using Dashboard.Metrics.Query;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Cli.Commands;

/// <summary>
/// `dashboard calibrations add --test T [--spend-change X] | list | remove --test T`: a read-out geo test calibrates its
/// channel's response curve (METRICS.md); each answer shows what the test did to the curve and to the channel's
/// incremental figure over the data's last 91 days.
/// </summary>
internal static class CalibrationsCommand
{
    private const int FigureDays = 91;

    public static Command Create(CliContext cli)
    {
        var test = new Option<string>("--test") { Description = "Name of the read-out holdout test", Required = true };
        var spendChange = new Option<double?>("--spend-change")
        {
            Description = "The test markets' spend on the channel as a multiple of what they would have spent (1.6 for +60%, 0 for dark); read from the data when left out",
        };
        var add = new Command("add", "Read the test out and calibrate its channel's curve with it (replaces the test's earlier calibration)") { test, spendChange };
        add.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.ApplicationAsync(cli, parse, true, ct);
            var calibrations = services.GetRequiredService<CalibrationsService>();
            var (stored, message) = await calibrations.AddAsync(parse.GetValue(test)!, parse.GetValue(spendChange), ct);
            await cli.Err.WriteLineAsync(message);
            if (stored is null)
            {
                return 2;
            }

            cli.Write(await EffectsAsync(services, [stored.Test], ct) is [var one] ? one : null);
            return 0;
        });

        var list = new Command("list", "The stored calibrations and what each does to its channel");
        list.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.ApplicationAsync(cli, parse, true, ct);
            cli.Write(new JsonArray([.. await EffectsAsync(services, null, ct)]));
            return 0;
        });

        var remove = new Command("remove", "Stop a test calibrating its channel") { test };
        remove.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.ApplicationAsync(cli, parse, true, ct);
            var (removed, message) = await services.GetRequiredService<CalibrationsService>().RemoveAsync(parse.GetValue(test)!, ct);
            await cli.Err.WriteLineAsync(message);
            cli.Write(new JsonObject { ["test"] = parse.GetValue(test), ["removed"] = removed });
            return removed ? 0 : 1;
        });
        return new Command("calibrations", "Geo tests that calibrate their channels' response curves") { add, list, remove };
    }

    /// <param name="tests">Only these tests (all when null).</param>
    private static async Task<JsonNode[]> EffectsAsync(ServiceProvider services, IReadOnlyCollection<string>? tests, CancellationToken ct)
    {
        var stored = await services.GetRequiredService<CalibrationsService>().ListAsync(ct);
        var model = await (await services.GetRequiredService<IAnalysisSource>().GetAnalysisAsync(ct)).ResponseModels.GetAsync(AccessScope.All);
        var to = model.LastDay;
        return [.. Calibration.Effects(model, to.AddDays(1 - FigureDays), to)
            .Where(e => tests is null || tests.Contains(e.Result.Test))
            .Select(e => (JsonNode)CalibrationJson.ToJson(e, stored.FirstOrDefault(s => s.Calibration.Test == e.Result.Test)?.SpendChangeStated ?? false))];
    }
}
