using System.CommandLine;
using Dashboard.Data.Postgres;

namespace Dashboard.Cli.Commands;

/// <summary>
/// `dashboard db migrate [--postgres CONNECTION]`: create or upgrade the schema and reference data (SQLite by default).
/// Every other command takes --postgres too.
/// `dashboard db copy-to-postgres --postgres CONNECTION`: move the SQLite database's rows into a PostgreSQL database.
/// </summary>
internal static class DbCommand
{
    public static Command Create(CliContext cli)
    {
        var migrate = new Command("migrate", "Apply the schema migrations and seed default reference data (the SQLite file, or --postgres)");
        migrate.SetAction(async (parse, ct) =>
        {
            await using var db = await cli.OpenAsync(parse, ct);
            cli.WriteJson(new { database = cli.DatabaseName(parse), migrated = true });
            return 0;
        });

        var copy = new Command("copy-to-postgres", "Copy every row of the SQLite database (--db) into the PostgreSQL database (--postgres), in one transaction");
        copy.SetAction(async (parse, ct) =>
        {
            if (cli.Postgres(parse) is not { } connection)
            {
                await cli.Err.WriteLineAsync($"copy-to-postgres needs the target: --postgres CONNECTION or ${CliContext.PostgresEnvironmentVariable}.");
                return 2;
            }

            // Brings both sides to the current schema first, so they have the same tables.
            await (await cli.OpenSqliteAsync(parse, ct)).DisposeAsync();
            await (await cli.OpenAsync(parse, ct)).DisposeAsync();

            var rows = await DatabaseCopy.FromSqliteAsync(cli.DbPath(parse), connection, ct);
            cli.WriteJson(new { source = cli.DbPath(parse), tables = rows.Count, rows = rows.Values.Sum(), by_table = rows });
            await cli.Err.WriteLineAsync($"copied {rows.Values.Sum():N0} rows of {rows.Count} tables");
            return 0;
        });
        return new Command("db", "Database maintenance") { migrate, copy };
    }
}
