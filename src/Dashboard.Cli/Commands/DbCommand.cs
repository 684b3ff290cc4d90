using System.CommandLine;
using Dashboard.Data;
using Dashboard.Data.Postgres;

namespace Dashboard.Cli.Commands;

/// <summary>
/// `dashboard db migrate [--postgres CONNECTION]`: create or upgrade the schema and reference data (SQLite by default).
/// `dashboard db copy-to-postgres --postgres CONNECTION`: move the SQLite database's rows into a PostgreSQL database.
/// </summary>
internal static class DbCommand
{
    public static Command Create(CliContext cli)
    {
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…)" };
        var migrate = new Command("migrate", "Apply the schema migrations and seed default reference data") { postgres };
        migrate.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(postgres) is { } connection)
            {
                await using var target = DashboardDatabase.OpenPostgres(connection);
                await DatabaseInitializer.MigrateAsync(target, ct);
                cli.WriteJson(new { database = "postgres", migrated = true });
                return 0;
            }

            await using var db = await cli.OpenAsync(parse, ct);
            cli.WriteJson(new { database = cli.DbPath(parse), migrated = true });
            return 0;
        });

        var to = new Option<string>("--postgres") { Description = "The PostgreSQL database to fill (migrated first; its rows are replaced)", Required = true };
        var copy = new Command("copy-to-postgres", "Copy every row of the SQLite database (--db) into a PostgreSQL database, in one transaction") { to };
        copy.SetAction(async (parse, ct) =>
        {
            // Brings the source to the current schema first, so both sides have the same tables.
            await (await cli.OpenAsync(parse, ct)).DisposeAsync();

            await using (var target = DashboardDatabase.OpenPostgres(parse.GetValue(to)!))
            {
                await DatabaseInitializer.MigrateAsync(target, ct);
            }

            var rows = await DatabaseCopy.FromSqliteAsync(cli.DbPath(parse), parse.GetValue(to)!, ct);
            cli.WriteJson(new { source = cli.DbPath(parse), tables = rows.Count, rows = rows.Values.Sum(), by_table = rows });
            await cli.Err.WriteLineAsync($"copied {rows.Values.Sum():N0} rows of {rows.Count} tables");
            return 0;
        });
        return new Command("db", "Database maintenance") { migrate, copy };
    }
}
