using System.CommandLine;

namespace Dashboard.Cli.Commands;

/// <summary>`dashboard db migrate`: create or upgrade the schema and reference data.</summary>
internal static class DbCommand
{
    public static Command Create(CliContext cli)
    {
        var migrate = new Command("migrate", "Apply the schema migrations and seed default reference data");
        migrate.SetAction(async (parse, ct) =>
        {
            await using var db = await cli.OpenAsync(parse, ct);
            cli.WriteJson(new { database = cli.DbPath(parse), migrated = true });
            return 0;
        });
        return new Command("db", "Database maintenance") { migrate };
    }
}
