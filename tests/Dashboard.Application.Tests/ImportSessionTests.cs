using System.Globalization;
using System.Text;
using Dashboard.Application.Analysis;
using Dashboard.Application.Imports;
using Dashboard.Data.Inventory;
using Dashboard.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Application.Tests;

/// <summary>
/// Loading a file from the Import page, as its session runs it on a real SQLite file: a file over the limit is refused
/// before it is sent, a column mapped in the preview is stored, a template saved from the mapping sets kind and mapping
/// for the next file.
/// </summary>
public sealed class ImportSessionTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private TempDatabase _db = null!;
    private UploadStore _uploads = null!;
    private ImportsService _service = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        var factory = _db.Factory();
        _uploads = new UploadStore(Path.Combine(_db.Folder, "uploads"), 4096, TimeProvider.System);
        var store = new MetricsSnapshotStore(factory);
        var runner = new ImportRunner(factory, store, TimeProvider.System, _uploads, NullLogger<ImportRunner>.Instance);
        var rollbacks = new RollbackService(factory, store, TimeProvider.System, NullLogger<RollbackService>.Instance);
        _service = new ImportsService(factory, new DataInventory(factory), runner, rollbacks, _uploads, new UploadTokens(TimeProvider.System),
            new SourceTemplatesService(factory, TimeProvider.System));
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    /// <summary>A CRM export whose event column is called "Event Name": 10 days of DE coupon downloads, 7 a day.</summary>
    private static string Export()
    {
        var csv = new StringBuilder("date,market,channel,campaign,Event Name,source,count\n");
        for (var i = 0; i < 10; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"2025-03-{i + 1:00},DE,display,,coupon_download,,7\n");
        }

        return csv.ToString();
    }

    private async Task UploadAsync(ImportSession session, string name, string content)
    {
        Assert.NotNull(session.Choose(name, Encoding.UTF8.GetByteCount(content)));
        var stored = await _uploads.SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), name, session.User, Ct);
        await session.UploadedAsync(200, $"{{\"upload_id\":\"{stored.Id}\"}}", Ct);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_it_is_sent()
    {
        var session = await _service.StartSessionAsync("admin@demo.local", Ct);

        Assert.Null(session.Choose("year.csv", 5000));

        Assert.Equal(ImportMessageLevel.Error, session.Level);
        Assert.Contains("larger than the upload limit of 4,096 bytes", session.Message, StringComparison.Ordinal);
        Assert.False(session.Uploading);
    }

    [Fact]
    public async Task A_column_mapped_in_the_preview_is_stored_and_the_mapping_saved_as_a_template_serves_the_next_file()
    {
        var session = await _service.StartSessionAsync("admin@demo.local", Ct);
        await UploadAsync(session, "crm.csv", Export());
        await session.SetKindAsync("micro_conversions", Ct);
        // "Event Name" is no standard column: the file cannot be imported as it stands.
        Assert.False(session.CanImport);

        await session.SetColumnAsync("Event Name", "event", Ct);

        Assert.True(session.CanImport, session.Message);
        Assert.Equal("event", Assert.Single(session.Preview!.Columns, c => c.Source == "Event Name").Target);
        var job = Assert.IsType<ImportJob>(session.Start());
        var result = await job.Task;
        session.Finish(result);
        Assert.True(result.Stored, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(70, await _db.CountAsync("SELECT SUM(count) FROM micro_conversions WHERE superseded_by IS NULL"));
        Assert.Null(session.Preview);

        // The mapping saved under a name; a new session offers it, and picking it sets the kind and the mapping.
        await UploadAsync(session, "crm.csv", Export());
        await session.SetKindAsync("micro_conversions", Ct);
        await session.SetColumnAsync("Event Name", "event", Ct);
        session.NewTemplateName = "Loyalty CRM export";
        await session.SaveTemplateAsync(Ct);
        Assert.Equal(ImportMessageLevel.Success, session.Level);

        var next = await _service.StartSessionAsync("admin@demo.local", Ct);
        Assert.Equal(new TemplateOption("Loyalty CRM export", "micro_conversions"), Assert.Single(next.Templates));
        await UploadAsync(next, "crm-april.csv", Export().Replace("2025-03-", "2025-04-", StringComparison.Ordinal));
        await next.SetTemplateAsync("Loyalty CRM export", Ct);
        Assert.Equal("micro_conversions", next.Kind);
        Assert.True(next.CanImport, next.Message);
    }

    [Fact]
    public async Task Ignoring_a_column_and_undoing_it_are_choices_of_the_preview()
    {
        var session = await _service.StartSessionAsync("admin@demo.local", Ct);
        await UploadAsync(session, "crm.csv", Export().Replace("source,count", "source,count,note", StringComparison.Ordinal).Replace(",,7\n", ",,7,x\n", StringComparison.Ordinal));
        await session.SetKindAsync("micro_conversions", Ct);
        await session.SetColumnAsync("Event Name", "event", Ct);

        await session.SetColumnAsync("note", ImportSession.Ignore, Ct);
        Assert.Equal(ImportSession.Ignore, ImportSession.Selected(Assert.Single(session.Preview!.Columns, c => c.Source == "note")));

        await session.SetColumnAsync("Event Name", ImportSession.Unmapped, Ct);
        Assert.Equal(ImportSession.Unmapped, ImportSession.Selected(Assert.Single(session.Preview!.Columns, c => c.Source == "Event Name")));
        Assert.False(session.CanImport);
    }
}
