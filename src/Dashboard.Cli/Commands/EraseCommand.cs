using System.CommandLine;
using Dashboard.Application.Admin;
using Dashboard.Data.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Cli.Commands;

/// <summary>`dashboard erase journey|respondent &lt;id&gt;`: a person's data removed everywhere; the audit log keeps counts only.</summary>
internal static class EraseCommand
{
    public static Command Create(CliContext cli)
    {
        var journeyId = new Argument<string>("journey_id") { Description = "The pseudonymous journey id" };
        var journey = new Command("journey", "Erase every touch of a journey id, in every market and every stored version") { journeyId };
        journey.SetAction(async (parse, ct) =>
        {
            return await EraseAsync(cli, parse, Erasure.Journey, parse.GetValue(journeyId)!, ct);
        });

        var respondentId = new Argument<string>("respondent_id") { Description = "The survey respondent id" };
        var respondent = new Command("respondent", "Erase every survey answer of a respondent, reasons included") { respondentId };
        respondent.SetAction(async (parse, ct) =>
        {
            return await EraseAsync(cli, parse, Erasure.Respondent, parse.GetValue(respondentId)!, ct);
        });
        return new Command("erase", "Erase a person's data everywhere (right to erasure)") { journey, respondent };
    }

    private static async Task<int> EraseAsync(CliContext cli, ParseResult parse, string what, string id, CancellationToken ct)
    {
        await using var services = await CliServices.ApplicationAsync(cli, parse, ct);
        var result = await services.GetRequiredService<ErasureService>().EraseAsync(what, id, CliServices.Actor, ct);
        cli.WriteJson(new { erased = result.What, rows = result.Rows, markets = result.Markets, error_report_lines = result.ErrorReportLines });
        await cli.Err.WriteLineAsync(result.Found ? result.Summary : $"no data of that {result.What} id is stored");
        return result.Found ? 0 : 1;
    }
}
