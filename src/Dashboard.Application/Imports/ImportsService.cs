using Dashboard.Data;
using Dashboard.Data.Imports;
using Dashboard.Data.Inventory;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Imports;

/// <summary>An import's log entry and the bad rows asked for.</summary>
public sealed record ImportDetail(Data.Entities.ImportRecord Import, IReadOnlyList<ImportError> Errors);

/// <summary>
/// The Import page's tasks: the import history and the data held by kind, a failed import's bad rows, rolling an
/// import back, and a session for loading one file (<see cref="ImportSession"/>).
/// </summary>
public sealed class ImportsService(IDbContextFactory<DashboardDbContext> contexts, DataInventory inventory, ImportRunner runner, RollbackService rollbacks, UploadStore uploads,
    UploadTokens tokens, SourceTemplatesService templates)
{
    /// <summary>How many imports the history lists, and how many bad rows of one it shows.</summary>
    public const int HistoryLength = 50;

    public const int ShownErrors = 200;

    /// <summary>The size limit of one uploaded file, in words ("200 MB").</summary>
    public string UploadLimit => UploadTooLargeException.Describe(uploads.MaxBytes);

    public Task<IReadOnlyList<ImportSummary>> HistoryAsync(CancellationToken ct = default) => inventory.RecentImportsAsync(HistoryLength, ct);

    public Task<IReadOnlyList<KindInventory>> KindsAsync(CancellationToken ct = default) => inventory.KindsAsync(ct);

    /// <summary>The first bad rows of an import, by line.</summary>
    public async Task<IReadOnlyList<ImportError>> ErrorsAsync(int importId, CancellationToken ct = default) =>
        (await DetailAsync(importId, ShownErrors, ct))?.Errors ?? [];

    /// <summary>One import as recorded (who, when, what, outcome, counts) with its first <paramref name="errors"/> bad rows by line; null when there is no such import.</summary>
    public async Task<ImportDetail?> DetailAsync(int importId, int? errors, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId, ct) is not { } import)
        {
            return null;
        }

        var query = db.ImportErrors.AsNoTracking().Where(e => e.ImportId == importId).OrderBy(e => e.Line).ThenBy(e => e.Id)
            .Select(e => new ImportError(e.Line, e.Column, e.Value, e.Message));
        return new ImportDetail(import, await (errors is { } n ? query.Take(n) : query).ToListAsync(ct));
    }

    public Task<RollbackResult> RollbackAsync(int importId, string user, CancellationToken ct = default) => rollbacks.RollbackAsync(importId, user, ct);

    /// <summary>A new session for loading one file as <paramref name="user"/>, with the saved source templates.</summary>
    public async Task<ImportSession> StartSessionAsync(string user, CancellationToken ct = default)
    {
        var session = new ImportSession(contexts, runner, uploads, tokens, templates, user);
        await session.LoadTemplatesAsync(ct);
        return session;
    }
}
