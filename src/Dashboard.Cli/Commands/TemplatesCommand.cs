using System.CommandLine;
using Dashboard.Application.Imports;
using Dashboard.Data.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Cli.Commands;

/// <summary>`dashboard templates list|save|delete`: named column mappings of sources' exports, shared with uploads and the API.</summary>
internal static class TemplatesCommand
{
    public static Command Create(CliContext cli)
    {
        var list = new Command("list", "List source templates with their mappings");
        list.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.ApplicationAsync(cli, parse, ct);
            var templates = await services.GetRequiredService<SourceTemplatesService>().ListAsync(ct);
            cli.WriteJson(templates.Select(t =>
                new { name = t.Name, kind = t.Kind, columns = t.Mapping.Columns, ignored = t.Mapping.Ignored, updated_by = t.UpdatedBy, updated_utc = t.UpdatedUtc }));
            return 0;
        });

        var name = new Option<string>("--name") { Description = "The template's name, for example \"Loyalty CRM export\"", Required = true };
        var kind = new Option<string>("--kind") { Description = "The standard kind the source's export maps onto", Required = true };
        var map = new Option<string[]>("--map") { Description = "source_column=standard_column (repeatable)" };
        var ignore = new Option<string[]>("--ignore") { Description = "A source column to ignore (repeatable)" };
        var save = new Command("save", "Create a template or replace its mapping") { name, kind, map, ignore };
        save.SetAction(async (parse, ct) =>
        {
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var item in parse.GetValue(map) ?? [])
            {
                var at = item.IndexOf('=', StringComparison.Ordinal);
                if (at <= 0 || at == item.Length - 1)
                {
                    await cli.Err.WriteLineAsync($"--map '{item}' is not source_column=standard_column");
                    return 2;
                }

                pairs.Add(new(item[..at], item[(at + 1)..]));
            }

            await using var services = await CliServices.ApplicationAsync(cli, parse, ct);
            var (template, errors) = await services.GetRequiredService<SourceTemplatesService>().SaveAsync(
                parse.GetValue(name)!, parse.GetValue(kind)!, new ColumnMapping(pairs, parse.GetValue(ignore) ?? []), CliServices.Actor, ct);
            foreach (var error in errors)
            {
                await cli.Err.WriteLineAsync(error);
            }

            if (template is null)
            {
                return 1;
            }

            cli.WriteJson(new { name = template.Name, kind = template.Kind, saved = true });
            return 0;
        });

        var delete = new Command("delete", "Delete a template") { name };
        delete.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.ApplicationAsync(cli, parse, ct);
            var deleted = await services.GetRequiredService<SourceTemplatesService>().DeleteAsync(parse.GetValue(name)!, ct);
            cli.WriteJson(new { name = parse.GetValue(name), deleted });
            return deleted ? 0 : 1;
        });
        return new Command("templates", "Source templates: column mappings of sources' exports onto the standard kinds") { list, save, delete };
    }
}
