using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Data.Entities;
using Dashboard.Application.Schedules;
using Dashboard.Exports.Delivery;
using Dashboard.Exports.Packs;
using Dashboard.TestSupport;
using Dashboard.Web.TestHost;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using UglyToad.PdfPig;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Dashboard.Web.Tests;

/// <summary>
/// Scheduled packs: due ones run in the background and reach a local SMTP sink as an attachment, or the pack folder;
/// a failed delivery is recorded and retried; a schedule that could not work is refused before it is stored.
/// </summary>
public sealed class ScheduledPackTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    /// <summary>The app's clock in these tests: just after the 1 December run time.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 0, 30, TimeSpan.Zero);

    /// <summary>When the schedules are made: their first run is 1 December at 06:00, due by <see cref="Now"/>.</summary>
    private static readonly DateTimeOffset Scheduled = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-29T10:00:00Z", "monthly", "2026-12-01T06:00:00Z")]
    [InlineData("2026-12-01T06:00:00Z", "monthly", "2027-01-01T06:00:00Z")]
    [InlineData("2026-12-01T05:59:00Z", "monthly", "2026-12-01T06:00:00Z")]
    [InlineData("2026-11-29T10:00:00Z", "quarterly", "2027-01-01T06:00:00Z")]
    [InlineData("2026-03-31T23:00:00Z", "quarterly", "2026-04-01T06:00:00Z")]
    [InlineData("2026-04-01T06:00:00Z", "quarterly", "2026-07-01T06:00:00Z")]
    public void A_schedule_runs_on_the_first_day_of_the_next_month_or_quarter(string now, string cadence, string next) =>
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime,
            PackCadence.NextRun(cadence, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task A_due_schedule_is_emailed_through_the_smtp_server_with_the_deck_attached_and_waits_for_next_month()
    {
        await using var sink = new SmtpSink();
        await using var app = await AppFactory.StartSeededAsync(new Dictionary<string, string?>
        {
            ["Delivery:Smtp:Host"] = "127.0.0.1", ["Delivery:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Delivery:Smtp:Security"] = "none", ["Delivery:Smtp:From"] = "packs@demo.local", ["Delivery:CheckSeconds"] = "1",
        }, new PinnedTime(Now));

        // The background check (every second here) runs it: the test waits for the run's recorded outcome, not a while.
        var ran = new TaskCompletionSource<(int Id, string Outcome)>(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Services.GetRequiredService<PackScheduleRunner>().Ran += (id, outcome) => ran.TrySetResult((id, outcome));
        var id = await ScheduleAsync(app, "emea@demo.local", "Germany and France", "channels", "market=DE,FR",
            new ScheduleRequest(0, PackSchedule.Monthly, "pptx", ["channels/channel-measure", "trends/trend"], PackSchedule.ByEmail, "emea@demo.local"));
        var run = await ran.Task.WaitAsync(TimeSpan.FromSeconds(90), Ct);
        Assert.Equal((id, "Sent business-review-2026-06-01-2026-06-30.pptx to emea@demo.local"), run);

        var message = MimeMessage.Load(new MemoryStream(Assert.Single(sink.Messages)), Ct);
        Assert.Equal("packs@demo.local", message.From.Mailboxes.Single().Address);
        Assert.Equal("emea@demo.local", message.To.Mailboxes.Single().Address);
        Assert.Equal("Business review: Germany and France", message.Subject);
        var attachment = (MimePart)Assert.Single(message.Attachments);
        Assert.Equal("business-review-2026-06-01-2026-06-30.pptx", attachment.FileName);
        using var deck = new MemoryStream();
        await attachment.Content!.DecodeToAsync(deck, Ct);
        deck.Position = 0;
        using var document = PresentationDocument.Open(deck, false);
        var presentation = document.PresentationPart!;
        var slides = presentation.Presentation.SlideIdList!.Elements<P.SlideId>().Select(s => (SlidePart)presentation.GetPartById(s.RelationshipId!)).ToList();
        Assert.Equal(5, slides.Count);
        Assert.Contains("Markets: DE, FR · all brands", slides[0].Slide.Descendants<A.Paragraph>().Select(p => p.InnerText));

        // Recorded on the schedule: sent, and due again on the first of next month.
        Assert.Equal("Sent business-review-2026-06-01-2026-06-30.pptx to emea@demo.local", await app.Database.TextAsync($"SELECT last_outcome FROM pack_schedules WHERE id = {id}"));
        Assert.Equal("2027-01-01 06:00:00", await app.Database.TextAsync($"SELECT next_run_utc FROM pack_schedules WHERE id = {id}"));
    }

    [Fact]
    public async Task A_pack_goes_to_the_users_folder_and_a_refused_delivery_is_recorded_and_retried_an_hour_later()
    {
        var folder = Directory.CreateTempSubdirectory("packs-");
        try
        {
            await using var app = await AppFactory.StartSeededAsync(new Dictionary<string, string?>
            {
                ["Delivery:Folder"] = folder.FullName, ["Delivery:CheckSeconds"] = "3600",

                // A port nothing listens on: the SMTP server is "down".
                ["Delivery:Smtp:Host"] = "127.0.0.1", ["Delivery:Smtp:Port"] = "9", ["Delivery:Smtp:Security"] = "none", ["Delivery:Smtp:From"] = "packs@demo.local",
            }, new PinnedTime(Now));
            var runner = app.Services.GetRequiredService<PackScheduleRunner>();
            var toFolder = await ScheduleAsync(app, "us@demo.local", "US quarter", "", "",
                new ScheduleRequest(0, PackSchedule.Quarterly, "pdf", ["overview/overview-trend"], PackSchedule.ToFolder, ""));
            var outcome = await runner.RunAsync(toFolder, scheduled: false, Ct);

            var file = Path.Combine(folder.FullName, "us@demo.local", "business-review-2026-04-01-2026-06-30.pdf");
            Assert.Equal($"Wrote {file}", outcome);
            using (var pdf = PdfDocument.Open(file))
            {
                Assert.Equal(4, pdf.NumberOfPages);
                Assert.Contains("Markets: US", string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
            }

            var byEmail = await ScheduleAsync(app, "us@demo.local", "US month", "trends", "",
                new ScheduleRequest(0, PackSchedule.Monthly, "pptx", ["trends/trend"], PackSchedule.ByEmail, "us@demo.local"));

            // A second instance on the same database looks at the same moment: the pack is built and sent once.
            var otherInstance = new PackScheduleRunner(
                app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>(),
                ct => app.Services.GetRequiredService<MetricsSnapshotStore>().GetAnalysisAsync(ct).AsTask(),
                app.Services.GetRequiredService<PackMaker>(), app.Services.GetRequiredService<PackDelivery>(), app.Services.GetRequiredService<TimeProvider>());
            var runs = await Task.WhenAll(runner.RunDueAsync(Ct), otherInstance.RunDueAsync(Ct));
            Assert.Equal(1, runs.Sum());
            var failed = (await app.Database.TextAsync($"SELECT last_outcome FROM pack_schedules WHERE id = {byEmail}"))!;
            Assert.StartsWith("Failed: ", failed, StringComparison.Ordinal);
            Assert.Equal("2026-12-01 07:00:30", await app.Database.TextAsync($"SELECT next_run_utc FROM pack_schedules WHERE id = {byEmail}"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_schedule_that_could_not_work_is_refused_with_every_reason_and_nothing_is_stored()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var db = DashboardDatabase.OpenSqlite(app.Database.Path);
        var us = (await app.Database.TextAsync("SELECT id FROM users WHERE email = 'us@demo.local'"))!;
        var (schedule, errors) = await PackSchedules.CreateAsync(db, us,
            new ScheduleRequest(12345, "weekly", "docx", ["trends/nothing"], PackSchedule.ByEmail, "not an address"), emailConfigured: false, Scheduled, Ct);
        Assert.Null(schedule);
        Assert.Equal(
        [
            "Choose one of your saved views.", "Cadence \"weekly\": use monthly or quarterly.", "Format \"docx\": use pptx or pdf.", "No chart \"trends/nothing\".",
            "E-mail delivery is not set up on this server (Delivery:Smtp); deliver to the folder instead.", "\"not an address\" is not an e-mail address.",
        ], errors);
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM pack_schedules"));
    }

    /// <summary>Saves a view for a user and schedules it, as the Scheduled packs page does.</summary>
    private static async Task<int> ScheduleAsync(AppFactory app, string email, string name, string page, string query, ScheduleRequest request)
    {
        await using var db = DashboardDatabase.OpenSqlite(app.Database.Path);
        var user = (await app.Database.TextAsync($"SELECT id FROM users WHERE email = '{email}'"))!;
        Assert.Null(await SavedViews.SaveAsync(db, user, page, name, query, Scheduled.UtcDateTime, Ct));
        var view = (int)await app.Database.CountAsync($"SELECT id FROM saved_views WHERE user_id = '{user}' AND name = '{name}'");
        var (schedule, errors) = await PackSchedules.CreateAsync(db, user, request with { SavedViewId = view }, emailConfigured: true, Scheduled, Ct);
        Assert.Empty(errors);
        return schedule!.Id;
    }
}
