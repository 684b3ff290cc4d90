using System.CommandLine;
using System.Diagnostics;
using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Data.Inventory;
using Dashboard.Data.Snapshots;
using Dashboard.Exports.Files;
using Dashboard.Exports.Packs;
using Dashboard.Exports.Rendering;
using Dashboard.Metrics.Query;
using Dashboard.Application.Charts;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Packs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Cli.Commands;

/// <summary>
/// `dashboard export deck|pdf|xlsx --out FILE [--view NAME --user EMAIL | --page PAGE --query Q] [--review monthly|quarterly]
/// [--charts page/chart,…]`: the files the pages make, for scripts and schedules, within the user's markets.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("export", "Build a business review deck or report, or a page's chart data workbook, from a saved view");
        command.Subcommands.Add(Kind(cli, "deck", "pptx", "A PowerPoint deck: title, key figures, a slide per chart, appendix"));
        command.Subcommands.Add(Kind(cli, "pdf", "pdf", "A PDF report with the deck's content"));
        command.Subcommands.Add(Kind(cli, "xlsx", "xlsx", "The page's charts as one workbook, a sheet per chart"));
        return command;
    }

    private static Command Kind(CliContext cli, string name, string format, string description)
    {
        var output = new Option<string>("--out") { Description = "The file to write", Required = true };
        var view = new Option<string?>("--view") { Description = "A saved view's name (with --user: views belong to their user)" };
        var user = new Option<string?>("--user") { Description = "Whose markets, currency and number format (e-mail); default: all markets" };
        var page = new Option<string?>("--page") { Description = $"Without --view: the page ({string.Join(", ", ReportPages.All.Select(p => p.Key))})" };
        var query = new Option<string?>("--query") { Description = "Without --view: the view's query string (market=DE,FR&compare=year)" };
        var review = new Option<string>("--review") { Description = "monthly | quarterly (the last full month or quarter)", DefaultValueFactory = _ => "monthly" };
        var charts = new Option<string?>("--charts") { Description = "page/chart keys, comma separated (default: the view's page, else every chart)" };
        var chromium = new Option<string>("--chromium") { Description = "Chromium's path", DefaultValueFactory = _ => RenderingOptions.DefaultChromiumPath };
        var command = new Command(name, description) { output, view, user, page, query };
        if (format != "xlsx")
        {
            command.Options.Add(review);
            command.Options.Add(charts);
            command.Options.Add(chromium);
        }

        command.SetAction(async (parse, ct) =>
        {
            var watch = Stopwatch.StartNew();
            await using var db = await cli.OpenAsync(parse, ct);
            var (report, userId, who, error) = await SubjectAsync(db, parse.GetValue(view), parse.GetValue(user), parse.GetValue(page), parse.GetValue(query), ct);
            if (error is not null)
            {
                await cli.Err.WriteLineAsync(error);
                return 2;
            }

            var analysis = new SnapshotAnalysis(await SnapshotLoader.LoadAsync(db, ct));
            var context = userId is null
                ? DashboardContexts.Create(analysis, AccessScope.All, new StoredPreferences(null, null), report.Query, cli.Time)
                : await UserContexts.ForUserAsync(db, analysis, userId, report.Query, cli.Time, ct);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            byte[] bytes;
            int count;
            if (format == "xlsx")
            {
                var page = report.Page ?? ReportPages.Overview;
                if (page.Build(context) is not { Charts.Count: > 0 } built)
                {
                    await cli.Err.WriteLineAsync("There is no data for this view.");
                    return 1;
                }

                bytes = XlsxExport.ToBytes([.. built.Charts.Select(c => c.Table.Stamped(who, cli.Time.GetUtcNow()))]);
                count = built.Charts.Count;
                await AuditLog.WriteAsync(db, cli.Time, who, AuditLog.Export, Path.GetFileName(path), $"{ChartScope.Filters(context)}; command line", ct);
            }
            else
            {
                if (ReviewRequest.ParsePeriod(parse.GetValue(review)) is not { } period)
                {
                    await cli.Err.WriteLineAsync($"--review \"{parse.GetValue(review)}\": use monthly or quarterly.");
                    return 2;
                }

                var keys = parse.GetValue(charts)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    ?? [.. (report.Page is { } p ? [p] : ReportPages.All).SelectMany(p => p.Charts.Select(c => $"{p.Key}/{c.Id}"))];
                await using var renderer = new ChartRenderer(new RenderingOptions { ChromiumPath = parse.GetValue(chromium)! });
                var factory = new OptionsContextFactory(cli.Options(parse));
                using var inventory = new DataInventory(factory);
                var maker = new PackMaker(new ReviewPackBuilder(renderer), renderer, inventory, factory, cli.Time);
                // Reported inline, not through Progress<T>: its handler runs later on the thread pool, and could write
                // after the command has returned and its writer is gone (it crashed a test host once).
                var progress = new StepReporter(cli.Err);
                try
                {
                    var file = await maker.BuildAsync(context, new ReviewRequest(period, context.View.Compare, keys), format, who, progress, ct);
                    bytes = file.Bytes;
                    count = keys.Length;
                }
                catch (Exception e) when (e is UnknownChartException or RenderingUnavailableException)
                {
                    await cli.Err.WriteLineAsync(e.Message);
                    return 1;
                }
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes, ct);
            cli.WriteJson(new { file = path, bytes = bytes.Length, charts = count, seconds = Math.Round(watch.Elapsed.TotalSeconds, 2) });
            return 0;
        });
        return command;
    }

    /// <summary>The page and query to export, and whose: a saved view of a user, or a page and query given directly.</summary>
    private static async Task<((ReportPage? Page, string? Query) Report, string? UserId, string Who, string? Error)> SubjectAsync(
        DashboardDbContext db, string? view, string? email, string? page, string? query, CancellationToken ct)
    {
        string? userId = null;
        var who = CliServices.Actor;
        if (email is not null)
        {
            var normalized = email.ToUpperInvariant();
            userId = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (userId is null)
            {
                return (default, null, who, $"--user {email}: no such user.");
            }

            who = $"{email} (command line)";
        }

        if (view is not null)
        {
            if (userId is null)
            {
                return (default, null, who, "--view needs --user: a saved view belongs to the user who saved it.");
            }

            var saved = await db.SavedViews.AsNoTracking().Where(v => v.UserId == userId && v.Name == view).FirstOrDefaultAsync(ct);
            if (saved is null)
            {
                var names = await db.SavedViews.AsNoTracking().Where(v => v.UserId == userId).Select(v => v.Name).OrderBy(n => n).ToListAsync(ct);
                return (default, null, who, $"--view \"{view}\": {email} has no view of that name{(names.Count > 0 ? $" (they have: {string.Join(", ", names)})" : "")}.");
            }

            return ((ReportPages.AtPath(saved.Page), saved.Query), userId, who, null);
        }

        if (page is not null && ReportPages.Find(page) is null)
        {
            return (default, null, who, $"--page {page}: use one of {string.Join(", ", ReportPages.All.Select(p => p.Key))}.");
        }

        return ((page is null ? null : ReportPages.Find(page), query), userId, who, null);
    }
}

/// <summary>Writes each step of a pack as it is reported, on the reporting thread.</summary>
internal sealed class StepReporter(TextWriter err) : IProgress<PackProgress>
{
    public void Report(PackProgress value) => err.WriteLine($"{value.Step} ({value.Done}/{value.Total})");
}
