using System.CommandLine;
using Dashboard.Application.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Cli.Commands;

/// <summary>`dashboard apikeys add|list|revoke`: keys for the HTTP API, each with a role and market grants.</summary>
internal static class ApiKeysCommand
{
    public static Command Create(CliContext cli)
    {
        var name = new Option<string>("--name") { Description = "Who uses the key (a pipeline, a team)", Required = true };
        var role = new Option<string>("--role") { Description = "director | regional | viewer", Required = true };
        var grant = new Option<string[]>("--grant") { Description = "market:CODE or region:KEY (repeatable), for regional and viewer keys" };
        var canImport = new Option<bool>("--can-import") { Description = "The key may load data (POST /api/imports) for the markets of its grants" };
        var add = new Command("add", "Create an API key; the key is printed once and only its hash is kept") { name, role, grant, canImport };
        add.SetAction(async (parse, ct) =>
        {
            if (await CommandParsing.GrantsAsync(parse.GetValue(grant), cli.Err) is not { } grants)
            {
                return 2;
            }

            await using var services = await CliServices.ApplicationAsync(cli, parse, ct);
            var (key, secret, errors) = await services.GetRequiredService<ApiKeysService>().CreateAsync(parse.GetValue(name)!, parse.GetValue(role)!,
                grants.Select(g => g.ToString()), parse.GetValue(canImport), ct);
            if (key is null)
            {
                foreach (var error in errors)
                {
                    await cli.Err.WriteLineAsync(error);
                }

                return 1;
            }

            cli.WriteJson(new { id = key.Id, name = key.Name, role = key.Role, grants = string.Join(",", key.Grants), can_import = key.CanImport, key = secret });
            await cli.Err.WriteLineAsync("keep the key now: it is not stored and cannot be shown again");
            return 0;
        });

        var list = new Command("list", "List API keys (never the keys themselves)");
        list.SetAction(async (parse, ct) =>
        {
            await using var db = await cli.OpenAsync(parse, ct);
            var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct);
            cli.WriteJson(keys.Select(k => new { id = k.Id, name = k.Name, prefix = k.Prefix, role = k.Role, grants = k.Grants, created_utc = k.CreatedUtc, revoked_utc = k.RevokedUtc }));
            return 0;
        });

        var id = new Option<int>("--id") { Description = "The key's id (from apikeys list)", Required = true };
        var revoke = new Command("revoke", "Revoke an API key at once") { id };
        revoke.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.ApplicationAsync(cli, parse, ct);
            if (!await services.GetRequiredService<ApiKeysService>().RevokeAsync(parse.GetValue(id), ct))
            {
                await cli.Err.WriteLineAsync($"there is no live API key with id {parse.GetValue(id)}");
                return 1;
            }

            cli.WriteJson(new { id = parse.GetValue(id), revoked = true });
            return 0;
        });
        return new Command("apikeys", "Keys for the HTTP API") { add, list, revoke };
    }
}
