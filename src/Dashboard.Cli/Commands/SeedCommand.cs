using System.CommandLine;
using System.Globalization;
using Dashboard.DemoSeeding;
using Dashboard.DemoData;

namespace Dashboard.Cli.Commands;

/// <summary>`dashboard seed [--size small|large] [--end YYYY-MM-DD] [--truth FILE]`: demo data with its planted truth.</summary>
internal static class SeedCommand
{
    public static Command Create(CliContext cli)
    {
        var size = new Option<DemoSize>("--size") { Description = "small (default) or large (10M+ rows, for benchmarks)", DefaultValueFactory = _ => DemoSize.Small };
        var end = new Option<string?>("--end") { Description = "Last day of the data, YYYY-MM-DD (default: yesterday)" };
        var truth = new Option<FileInfo?>("--truth") { Description = "Also write the planted ground truth JSON to this file" };
        var csvOut = new Option<DirectoryInfo?>("--csv-out") { Description = "Only write the demo CSV files and truth.json to this folder; touch no database" };
        var command = new Command("seed", "Seed deterministic demo data into an empty database") { size, end, truth, csvOut };
        command.SetAction(async (parse, ct) =>
        {
            DateOnly endDate;
            if (parse.GetValue(end) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out endDate))
                {
                    await cli.Err.WriteLineAsync($"--end '{text}' is not a date in the form YYYY-MM-DD");
                    return 2;
                }
            }
            else
            {
                endDate = DateOnly.FromDateTime(cli.Time.GetUtcNow().UtcDateTime).AddDays(-1);
            }

            var options = new DemoOptions(endDate, parse.GetValue(size));
            if (parse.GetValue(csvOut) is { } folder)
            {
                folder.Create();
                var written = DemoDataGenerator.Write(options, folder.FullName, new ImmediateProgress(cli.Err));
                cli.WriteJson(new { folder = folder.FullName, rows = written.RowCounts });
                return 0;
            }

            await using var db = await cli.OpenAsync(parse, ct);
            var dataFolder = cli.DataFolder(parse);
            Directory.CreateDirectory(dataFolder);
            var result = await new DemoSeeder(db, cli.Time).SeedIfEmptyAsync(options, dataFolder, new ImmediateProgress(cli.Err), ct);
            var truthPath = Path.Combine(dataFolder, DemoSeeder.TruthFileName);
            if (parse.GetValue(truth) is { } target && File.Exists(truthPath))
            {
                File.Copy(truthPath, target.FullName, overwrite: true);
            }

            cli.WriteJson(new
            {
                seeded = result.Seeded, message = result.Message, seconds = Math.Round(result.Duration.TotalSeconds, 2),
                imports = result.Imports.Select(i => new { kind = i.Kind, import_id = i.ImportId, inserted = i.Inserted, seconds = Math.Round(i.Duration.TotalSeconds, 2) }),
            });
            await cli.Err.WriteLineAsync(result.Message);
            return result.Seeded ? 0 : 1;
        });
        return command;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; a console wants lines in order, now.</summary>
    private sealed class ImmediateProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine(value);
    }
}
