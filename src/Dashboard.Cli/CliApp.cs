using System.CommandLine;
using Dashboard.Cli.Commands;

namespace Dashboard.Cli;

/// <summary>
/// `dashboard`: the command line over the same services as the app (API.md). It works on the database directly,
/// as an administrator's tool. JSON goes to stdout, readable lines to stderr; non-zero exit on failure.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        var context = new CliContext(stdout, stderr, time);
        var root = new RootCommand("Micro-conversion ROI dashboard: import, seed and maintain the database.");
        root.Options.Add(context.DbOption);
        root.Options.Add(context.PostgresOption);
        root.Options.Add(context.FormatOption);
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(TemplatesCommand.Create(context));
        root.Subcommands.Add(EraseCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(SeedCommand.Create(context));
        root.Subcommands.Add(MetricsCommand.Create(context));
        root.Subcommands.Add(AttributionCommands.Attribution(context));
        root.Subcommands.Add(AttributionCommands.Journeys(context));
        root.Subcommands.Add(AttributionCommands.Valuation(context));
        root.Subcommands.Add(AttributionCommands.Lift(context));
        root.Subcommands.Add(CalibrationsCommand.Create(context));
        root.Subcommands.Add(PlanningCommands.Scenario(context));
        root.Subcommands.Add(PlanningCommands.Optimize(context));
        root.Subcommands.Add(PlanningCommands.Contributions(context));
        root.Subcommands.Add(UsersCommand.Create(context));
        root.Subcommands.Add(ApiKeysCommand.Create(context));
        root.Subcommands.Add(DbCommand.Create(context));
        var parsed = root.Parse(args);
        context.Format = parsed.Errors.Count == 0 ? parsed.GetValue(context.FormatOption) ?? "json" : "json";
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
