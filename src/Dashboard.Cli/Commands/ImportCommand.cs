using System.CommandLine;
using Dashboard.Data.Imports;
using Dashboard.Domain.Imports;

namespace Dashboard.Cli.Commands;

/// <summary>`dashboard import &lt;kind&gt; &lt;file&gt;` and `dashboard import rollback &lt;import_id&gt;`.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext cli)
    {
        var kind = new Argument<string>("kind") { Description = "One of: " + string.Join(", ", ImportKinds.All.Select(k => k.Key)) };
        var file = new Argument<FileInfo>("file") { Description = "CSV file in the standard format of that kind" };
        var user = new Option<string>("--user") { Description = "Recorded as who imported", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("import", "Import a standard CSV file, all or nothing") { kind, file, user };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var kindKey = parse.GetValue(kind)!;
            if (!path.Exists)
            {
                await cli.Err.WriteLineAsync($"file not found: {path.FullName}");
                return 2;
            }

            await using var db = await cli.OpenAsync(parse, ct);
            var result = await new FileImporter(db, cli.Time).ImportFileAsync(kindKey, path.FullName, parse.GetValue(user)!, ct: ct);
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
            await using var db = await cli.OpenAsync(parse, ct);
            var result = await new ImportRollback(db, cli.Time).RollbackAsync(parse.GetValue(importId), ct);
            cli.WriteJson(new { import_id = result.ImportId, rolled_back = result.RolledBack, rows_removed = result.RowsRemoved, rows_restored = result.RowsRestored, message = result.Message });
            await cli.Err.WriteLineAsync(result.Message);
            return result.RolledBack ? 0 : 1;
        });
        command.Subcommands.Add(rollback);
        return command;
    }
}
