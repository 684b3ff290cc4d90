using System.CommandLine;
using Dashboard.Data.Access;
using Dashboard.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Application.Admin;

namespace Dashboard.Cli.Commands;

/// <summary>
/// `dashboard users add|list`: how the first admin of a production database comes to exist (no default users outside
/// Development), with the same password rules as the app.
/// </summary>
internal static class UsersCommand
{
    public const string PasswordVariable = "DASHBOARD_PASSWORD";

    public static Command Create(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "E-mail, also the sign-in name", Required = true };
        var role = new Option<string>("--role") { Description = string.Join(" | ", Roles.All), Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the e-mail)" };
        var grant = new Option<string[]>("--grant") { Description = "market:CODE or region:KEY (repeatable), for regional users and viewers" };
        var password = new Option<string?>("--password") { Description = $"The password (else ${PasswordVariable}, else one line on standard input)" };
        var add = new Command("add", "Create a user with a role and market grants") { email, role, name, grant, password };
        add.SetAction(async (parse, ct) =>
        {
            if (await CommandParsing.GrantsAsync(parse.GetValue(grant), cli.Err) is not { } grants)
            {
                return 2;
            }

            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable(PasswordVariable) ?? await Console.In.ReadLineAsync(ct);
            if (string.IsNullOrEmpty(secret))
            {
                await cli.Err.WriteLineAsync($"give a password with --password, ${PasswordVariable} or on standard input");
                return 2;
            }

            // The application's own user task, as the admin page runs it (rules, grants, audit).
            await using var services = await CliServices.ApplicationAsync(cli, parse, ct);
            var address = parse.GetValue(email)!;
            var errors = await services.GetRequiredService<UsersService>().AddAsync(address, parse.GetValue(name) ?? address, secret, parse.GetValue(role)!,
                grants.Select(g => g.ToString()));
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    await cli.Err.WriteLineAsync(error);
                }

                return 1;
            }

            cli.WriteJson(new { email = address.Trim(), role = parse.GetValue(role), grants = grants.Select(g => g.ToString()).ToList() });
            await cli.Err.WriteLineAsync($"created {address.Trim()} ({parse.GetValue(role)})");
            return 0;
        });

        var list = new Command("list", "List users with their roles and grants (no passwords, no hashes)");
        list.SetAction(async (parse, ct) =>
        {
            await using var db = await cli.OpenAsync(parse, ct);
            var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
            var users = await db.Users.OrderBy(u => u.Email).ToListAsync(ct);
            var result = new List<object>();
            foreach (var u in users)
            {
                result.Add(new
                {
                    email = u.Email,
                    name = u.DisplayName,
                    roles = roles.Where(r => r.UserId == u.Id).Select(r => r.Name).ToList(),
                    grants = (await UserAccounts.GrantsAsync(db, u.Id, ct)).Select(g => g.ToString()).ToList(),
                    locked_out = u.LockoutEnd > cli.Time.GetUtcNow(),
                });
            }

            cli.WriteJson(result);
            return 0;
        });
        return new Command("users", "Users, roles and market grants") { add, list };
    }
}
