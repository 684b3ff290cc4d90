using System.CommandLine;
using Dashboard.Application.Imports;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Data.Imports;
using Dashboard.Domain.Imports;

namespace Dashboard.Cli.Commands;

/// <summary>`dashboard import &lt;kind&gt; &lt;file&gt;` and `dashboard import rollback &lt;import_id&gt;`.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext cli)
    {
        var kind = new Argument<string>("kind") { Description = "One of: " + string.Join(", ", ImportKinds.All.Select(k => k.Key)) + "; or auto (from the header)" };
        var file = new Argument<FileInfo>("file") { Description = "CSV file in the standard format of that kind, or CSV/XLSX read through --template" };
        var user = new Option<string>("--user") { Description = "Recorded as who imported", DefaultValueFactory = _ => Environment.UserName };
        var template = new Option<string?>("--template") { Description = "A saved source template whose column mapping reads the file" };
        var command = new Command("import", "Import a file, all or nothing") { kind, file, user, template };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var kindKey = parse.GetValue(kind)!;
            if (!path.Exists)
            {
                await cli.Err.WriteLineAsync($"file not found: {path.FullName}");
                return 2;
            }

            var options = ImportOptions.Default;
            if (parse.GetValue(template) is { } templateName)
            {
                await using var services = await CliServices.ApplicationAsync(cli, parse, ct);
                if (await services.GetRequiredService<SourceTemplatesService>().FindAsync(templateName, ct) is not { } saved)
                {
                    await cli.Err.WriteLineAsync($"no source template is named '{templateName}' (see: dashboard templates list)");
                    return 2;
                }

                options = options with { Mapping = saved.Mapping, Template = saved.Name };
                kindKey = kindKey == "auto" ? saved.Kind : kindKey;
            }

            await using var db = await cli.OpenAsync(parse, ct);

            // Large files say how far they got (every 100,000 rows), on stderr so stdout stays the JSON answer.
            options = options with { Progress = new RowsReadReporter(cli.Err) };
            var result = await new FileImporter(db, cli.Time).ImportFileAsync(kindKey == "auto" ? null : kindKey, path.FullName, parse.GetValue(user)!, options, ct);
            if (result.Stored)
            {
                cli.WriteJson(new { kind = result.Kind, file = result.FileName, import_id = result.ImportId, inserted = result.Inserted, replaced = result.Replaced, erased_journeys = result.ErasedJourneys });
                await cli.Err.WriteLineAsync(result.Summary);
                return 0;
            }

            cli.WriteJson(new
            {
                kind = result.Kind, file = result.FileName, stored = 0, total_errors = result.TotalErrors,
                errors = result.Errors.Select(e => new { line = e.Line, column = e.Column, value = e.Value, message = e.Message }),
            });
            foreach (var error in result.Errors)
            {
                await cli.Err.WriteLineAsync(error.ToString());
            }

            await cli.Err.WriteLineAsync(result.Summary);
            return 1;
        });

        var importId = new Argument<int>("import_id") { Description = "The id printed by the import" };
        var rollback = new Command("rollback", "Undo an import: its rows go, the rows it replaced come back") { importId };
        rollback.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.ApplicationAsync(cli, parse, ct);
            var result = await services.GetRequiredService<RollbackService>().RollbackAsync(parse.GetValue(importId), CliServices.Actor, ct);
            cli.WriteJson(new { import_id = result.ImportId, rolled_back = result.RolledBack, rows_removed = result.RowsRemoved, rows_restored = result.RowsRestored, message = result.Message });
            await cli.Err.WriteLineAsync(result.Message);
            return result.RolledBack ? 0 : 1;
        });
        command.Subcommands.Add(rollback);
        return command;
    }
}

/// <summary>Writes "… N rows read" to stderr at each 100,000 rows; the importer reports from its reading thread.</summary>
internal sealed class RowsReadReporter(TextWriter err) : IProgress<long>
{
    private const long Every = 100_000;
    private long _reported;

    public void Report(long value)
    {
        if (value / Every > _reported / Every)
        {
            _reported = value;
            lock (err)
            {
                err.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"… {value:N0} rows read"));
                err.Flush();
            }
        }
    }
}
