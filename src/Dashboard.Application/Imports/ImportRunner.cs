using Microsoft.Extensions.Logging;
using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Imports;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Imports;

/// <summary>
/// Runs imports for the pages and the HTTP API: the same importer as the command line over a spooled file, then the
/// engine's snapshot is refreshed so every page shows the new data. A browser import runs as a job that outlives the
/// page's connection and reports the rows it has read.
/// </summary>
public sealed class ImportRunner(IDbContextFactory<DashboardDbContext> contexts, ISnapshotRefresh refresh, TimeProvider time, UploadStore uploads, ILogger<ImportRunner> log)
{
    public Task<ImportResult> ImportAsync(string? kind, UploadedFile file, string user, ImportOptions options, CancellationToken ct) =>
        ImportAsync(kind, file, user, options, null, ct);

    private async Task<ImportResult> ImportAsync(string? kind, UploadedFile file, string user, ImportOptions options, ImportJob? job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        ImportResult result;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        await using (var stream = new CountingStream(new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)))
        {
            if (job is not null)
            {
                job.Stream = stream;
            }

            result = await new FileImporter(db, time).ImportAsync(kind, stream, file.FileName, user, options with { Format = file.Format }, ct);
        }

        if (result.Stored)
        {
            // A browser import shows its outcome as soon as the rows are stored; the figures reload behind it (seconds
            // on a loaded machine) and the pages redraw when they have. A caller of the API or the CLI gets its answer
            // after the reload, so its next query sees the import.
            var reload = refresh.RefreshOrLogAsync(log);
            if (job is null)
            {
                await reload;
            }
        }

        return result;
    }

    /// <summary>Starts a browser import; the job keeps running if the page goes away.</summary>
    public ImportJob Start(string? kind, UploadedFile file, string user, ImportOptions options)
    {
        var job = new ImportJob(file.Id, file.Size);

        job.Task = Task.Run(async () =>
        {
            try
            {
                return await ImportAsync(kind, file, user, options with { Progress = new Progress(job) }, job, CancellationToken.None);
            }
            finally
            {
                uploads.Delete(file.Id);
                job.RaiseChanged();
            }
        });
        return job;
    }

    /// <summary>Rows read, set from the importer's thread without a synchronization context.</summary>
    private sealed class Progress(ImportJob job) : IProgress<long>
    {
        public void Report(long value)
        {
            job.RowsRead = value;
            job.RaiseChanged();
        }
    }
}

/// <summary>One running browser import: its rows and bytes read so far and, once done, its result.</summary>
public sealed class ImportJob(string id, long size)
{
    private long _rowsRead;

    public string Id { get; } = id;

    public long Size { get; } = size;

    internal CountingStream? Stream { get; set; }

    /// <summary>The share of the file read (0..1). An XLSX workbook is unzipped while it is read, so its share is approximate.</summary>
    public double Fraction => Size <= 0 || Stream is not { } s ? 0 : Math.Min(1, s.BytesRead / (double)Size);

    public long RowsRead
    {
        get => Interlocked.Read(ref _rowsRead);
        set => Interlocked.Exchange(ref _rowsRead, value);
    }

    public Task<ImportResult> Task { get; internal set; } = System.Threading.Tasks.Task.FromResult<ImportResult>(null!);

    /// <summary>Raised (on the importer's thread) at each progress report, every 10,000 rows, and when the import ends.</summary>
    public event Action? Changed;

    internal void RaiseChanged() => Changed?.Invoke();
}
