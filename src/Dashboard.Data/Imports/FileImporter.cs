using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Dashboard.Data.Imports.Sources;
using Dashboard.Domain.Imports;

namespace Dashboard.Data.Imports;

/// <summary>What an import may do beyond the standard CSV file: another format, a mapping, a market scope.</summary>
public sealed record ImportOptions
{
    public static ImportOptions Default { get; } = new();

    public FileFormat Format { get; init; } = FileFormat.Csv;

    public ColumnMapping Mapping { get; init; } = ColumnMapping.None;

    /// <summary>The source template the mapping came from, recorded with the import.</summary>
    public string? Template { get; init; }

    /// <summary>Market codes the caller may load (a user's or an API key's scope); null means every market.</summary>
    public IReadOnlySet<string>? Markets { get; init; }

    /// <summary>Where the file came from, recorded with the import: cli, browser or api.</summary>
    public string Via { get; init; } = "cli";

    /// <summary>Rows read so far, reported every <see cref="FileImporter.ProgressEvery"/> rows.</summary>
    public IProgress<long>? Progress { get; init; }
}

/// <summary>
/// Imports one file of a standard kind (DATA.md), CSV or XLSX through a mapping, all or nothing. The file is read
/// once, on a worker thread that validates each row while this one appends it to a temporary stage; only when no
/// row is bad are the staged rows applied (replacing current rows with the same natural key) and the transaction
/// committed. A failed file leaves the data untouched and is recorded with every error.
/// </summary>
public sealed class FileImporter(DashboardDbContext db, TimeProvider time)
{
    public const int ProgressEvery = 10_000;

    public async Task<ImportResult> ImportFileAsync(string? kind, string path, string user, ImportOptions? options = null, CancellationToken ct = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        options ??= ImportOptions.Default;
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            options = options with { Format = FileFormat.Xlsx };
        }

        return await ImportAsync(kind, stream, Path.GetFileName(path), user, options, ct);
    }

    /// <summary>Imports <paramref name="file"/> as <paramref name="kind"/>, or as the kind its header fits when null.</summary>
    public async Task<ImportResult> ImportAsync(string? kind, Stream file, string fileName, string user, ImportOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        options ??= ImportOptions.Default;
        var clock = Stopwatch.StartNew();
        var started = time.GetUtcNow().UtcDateTime;
        var errors = new ErrorSink();
        await using var open = await OpenConnection.OfAsync(db, ct);
        var connection = open.Connection;
        var spec = kind is null ? null : ImportKinds.Find(kind);
        if (kind is not null && spec is null)
        {
            errors.Add(0, "", kind, $"is not an import kind (expected one of {string.Join(", ", ImportKinds.All.Select(k => k.Key))})");
            return await FailAsync(connection, kind, fileName, user, options, started, 0, errors, clock, ct);
        }

        RecordSource source;
        try
        {
            source = RecordSource.Open(file, options.Format);
        }
        catch (RecordSourceException ex)
        {
            errors.Add(ex.Line, "", "", ex.Message);
            return await FailAsync(connection, kind ?? "", fileName, user, options, started, 0, errors, clock, ct);
        }

        using (source)
        {
            var ordinals = ReadHeader(source, ref spec, options, errors);
            if (ordinals is null || spec is null)
            {
                return await FailAsync(connection, spec?.Key ?? kind ?? "", fileName, user, options, started, 0, errors, clock, ct);
            }

            if (options.Markets is not null && !spec.Columns.Any(c => c.Type == ColumnType.Market))
            {
                errors.Add(0, "", spec.Key, $"applies to every market, and this caller may load only {string.Join(", ", options.Markets.Order(StringComparer.Ordinal))}");
                return await FailAsync(connection, spec.Key, fileName, user, options, started, 0, errors, clock, ct);
            }

            return await ImportRowsAsync(connection, source, spec, ordinals, fileName, user, options, started, errors, clock, ct);
        }
    }

    /// <summary>Maps the header onto the kind (detecting the kind when not given); null with errors when it does not fit.</summary>
    internal static Dictionary<string, int>? ReadHeader(RecordSource source, ref ImportKindSpec? spec, ImportOptions options, ErrorSink errors)
    {
        var names = source.Header;
        if (names.Count == 0 || names.All(n => n.Trim().Length == 0))
        {
            errors.Add(1, "", "", "the file is empty: a header row is required");
            return null;
        }

        if (spec is null)
        {
            var (detected, reason) = KindDetector.Detect(names, options.Mapping);
            if (detected is null)
            {
                errors.Add(1, "", "", reason!);
                return null;
            }

            spec = detected;
        }

        // Said first: when the whole header is another kind's, its column errors are only the consequence.
        if (KindDetector.Detect(names, options.Mapping).Kind is { } other && other.Key != spec.Key)
        {
            errors.Add(1, "", "", $"this header is that of {other.Key}, not {spec.Key}: was the wrong file or kind chosen?");
        }

        var ordinals = CsvHeader.Map(spec, names, errors, options.Mapping);
        return errors.Total == 0 ? ordinals : null;
    }

    private async Task<ImportResult> ImportRowsAsync(
        DbConnection connection, RecordSource source, ImportKindSpec spec, Dictionary<string, int> ordinals, string fileName, string user,
        ImportOptions options, DateTime started, ErrorSink errors, Stopwatch clock, CancellationToken ct)
    {
        var mapper = KindMapper.For(spec.Key);
        await TuneAsync(connection, ct);
        long rows;
        ImportResult? applied = null;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await SerializeWritersAsync(connection, tx, ct);
            await using var staging = new StagingTable(connection, tx, mapper);
            await staging.CreateAsync(ct);
            rows = await StageAsync(source, ordinals, options, mapper, staging, connection, tx, errors, ct);
            if (rows == 0 && errors.Total == 0)
            {
                errors.Add(2, "", "", "the file has a header and no data rows: there is nothing to import");
            }
            if (errors.Total == 0)
            {
                await staging.IndexForChecksAsync(ct);
                await staging.RunChecksAsync(errors, ct);
            }

            if (errors.Total == 0)
            {
                applied = await ApplyAsync(staging, spec.Key, fileName, user, options, started, rows, clock, ct);
                if (applied is null)
                {
                    await staging.ListDuplicatesAsync(errors, ct);
                }
            }

            if (applied is not null)
            {
                await staging.DropAsync(ct);
                await tx.CommitAsync(ct);
            }
            else
            {
                await tx.RollbackAsync(ct);
            }
        }

        return applied ?? await FailAsync(connection, spec.Key, fileName, user, options, started, rows, errors, clock, ct);
    }

    /// <summary>
    /// Reads, validates and maps the file on a worker thread while this one appends the valid rows to the stage:
    /// the two halves take about as long as each other, and batches in a bounded channel keep memory flat.
    /// </summary>
    private static async Task<long> StageAsync(
        RecordSource source, Dictionary<string, int> ordinals, ImportOptions options, KindMapper mapper, StagingTable staging,
        DbConnection connection, DbTransaction tx, ErrorSink errors, CancellationToken ct)
    {
        var refs = await ReferenceLookup.LoadAsync(connection, tx, ct);
        refs.RestrictTo(options.Markets);
        await staging.StartStagingAsync(ct);
        var full = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = true, SingleWriter = true });
        var free = Channel.CreateUnbounded<RowBatch>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadRows(source, ordinals, mapper, refs, errors, options.Progress, full.Writer, free.Reader, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in full.Reader.ReadAllAsync(ct))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    if (batch.Withdrawn[i])
                    {
                        staging.Withdraw((string)batch.Values[i][0]!, (int)batch.Values[i][1]!);
                    }
                    else
                    {
                        staging.Add(batch.Values[i], batch.Lines[i]);
                    }
                }

                batch.Count = 0;
                free.Writer.TryWrite(batch);
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }

        var rows = await reading;
        await staging.FinishStagingAsync(ct);
        await refs.InsertPendingAsync(ct);
        return rows;
    }

    private const int BatchRows = 4096;
    private const int BatchesInFlight = 4;

    private sealed class RowBatch(int columns)
    {
        public object?[][] Values { get; } = Enumerable.Range(0, BatchRows).Select(_ => new object?[columns]).ToArray();
        public long[] Lines { get; } = new long[BatchRows];
        public bool[] Withdrawn { get; } = new bool[BatchRows];
        public int Count { get; set; }
    }

    private static long ReadRows(
        RecordSource source, Dictionary<string, int> ordinals, KindMapper mapper, ReferenceLookup refs, ErrorSink errors, IProgress<long>? rowsRead,
        ChannelWriter<RowBatch> full, ChannelReader<RowBatch> free, CancellationToken ct)
    {
        try
        {
            return ReadRowsInto(source, ordinals, mapper, refs, errors, rowsRead, full, free, ct);
        }
        catch (Exception ex)
        {
            full.TryComplete(ex);
            throw;
        }
        finally
        {
            full.TryComplete();
        }
    }

    private static long ReadRowsInto(
        RecordSource source, Dictionary<string, int> ordinals, KindMapper mapper, ReferenceLookup refs, ErrorSink errors, IProgress<long>? rowsRead,
        ChannelWriter<RowBatch> full, ChannelReader<RowBatch> free, CancellationToken ct)
    {
        var row = new RowContext(ordinals, errors, refs);
        var batch = new RowBatch(mapper.Columns.Count);
        var width = source.Header.Count;
        var fields = new string[width];
        long count = 0;
        while (true)
        {
            try
            {
                if (!source.Read())
                {
                    break;
                }
            }
            catch (RecordSourceException ex)
            {
                errors.Add(ex.Line, "", "", ex.Message);
                break;
            }

            count++;
            var line = source.Line;
            if (source.FieldCount != width)
            {
                errors.Add(line, "", "", $"has {source.FieldCount} field(s), the header has {width}");
                continue;
            }

            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = source.Field(i);
            }

            row.Start(line, fields);
            var outcome = mapper.Map(row, batch.Values[batch.Count]);

            // Once the file has an error nothing will be stored: keep validating, stop staging.
            if (outcome != MapOutcome.Invalid && errors.Total == 0)
            {
                batch.Lines[batch.Count] = line;
                batch.Withdrawn[batch.Count] = outcome == MapOutcome.Withdrawn;
                if (++batch.Count == BatchRows)
                {
                    Send(full, batch, ct);
                    if (!free.TryRead(out batch!))
                    {
                        batch = new RowBatch(mapper.Columns.Count);
                    }
                }
            }

            if (count % ProgressEvery == 0)
            {
                ct.ThrowIfCancellationRequested();
                rowsRead?.Report(count);
            }
        }

        if (batch.Count > 0)
        {
            Send(full, batch, ct);
        }

        rowsRead?.Report(count);
        return count;
    }

    private static void Send(ChannelWriter<RowBatch> full, RowBatch batch, CancellationToken ct)
    {
        // Blocks this worker thread while the writer is BatchesInFlight batches behind: that is the back-pressure.
        if (!full.TryWrite(batch))
        {
            full.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Applies the staged rows and records the import; null when the file repeats a key (nothing is kept).</summary>
    private async Task<ImportResult?> ApplyAsync(
        StagingTable staging, string kind, string fileName, string user, ImportOptions options, DateTime started, long rows,
        Stopwatch clock, CancellationToken ct)
    {
        var importId = await staging.ScalarAsync<int>(
            """
            INSERT INTO imports (kind, file_name, "user", via, template, started_utc, outcome, rows_read, inserted, replaced, erased, error_count)
            VALUES (@kind, @file, @user, @via, @template, @started, 'running', @rows, 0, 0, 0, 0) RETURNING id
            """,
            ct, ("@kind", kind), ("@file", fileName), ("@user", user), ("@via", options.Via), ("@template", options.Template ?? ""),
            ("@started", started), ("@rows", rows));
        var erased = await staging.EraseWithdrawnJourneysAsync(ct);
        var (inserted, replaced, duplicates) = await staging.ApplyAsync(importId, ct);
        if (duplicates > 0)
        {
            return null;
        }

        await staging.ExecuteAsync(
            "UPDATE imports SET outcome = 'succeeded', finished_utc = @finished, inserted = @inserted, replaced = @replaced, erased = @erased WHERE id = @id",
            ct, ("@finished", time.GetUtcNow().UtcDateTime), ("@inserted", inserted), ("@replaced", replaced), ("@erased", erased), ("@id", importId));
        return new ImportResult(kind, fileName, importId, true, rows, inserted, replaced, erased, [], 0, clock.Elapsed);
    }

    /// <summary>A failed import is recorded too, with every listed error, outside the rolled-back transaction.</summary>
    private async Task<ImportResult> FailAsync(
        DbConnection connection, string kind, string fileName, string user, ImportOptions options, DateTime started, long rows,
        ErrorSink errors, Stopwatch clock, CancellationToken ct)
    {
        var listed = errors.Listed.ToList();
        var importId = await ImportErrors.RecordFailureAsync(
            connection, kind, fileName, user, options.Via, options.Template ?? "", started, time.GetUtcNow().UtcDateTime, rows, errors.Total, listed, ct);
        return new ImportResult(kind, fileName, importId, false, rows, 0, 0, 0, listed, errors.Total, clock.Elapsed);
    }

    /// <summary>
    /// One import writes at a time, as on SQLite (one writer by design): new brand and campaign ids are taken from the
    /// highest stored one, and two imports replacing the same keys must not interleave. PostgreSQL's transaction-scoped
    /// advisory lock holds across instances and is released with the transaction.
    /// </summary>
    private static async Task SerializeWritersAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        if (!SqlDialect.Of(connection).IsPostgres)
        {
            return;
        }

        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT pg_advisory_xact_lock({ImportLockKey})";
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The advisory lock's key: any fixed number other code does not use ("DASH" in ASCII).</summary>
    private const long ImportLockKey = 0x44415348;

    private static async Task TuneAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            return;
        }

        // SQLite has one writer: a second import waits for the first (up to 10 minutes) instead of failing as "locked".
        sqlite.DefaultTimeout = 600;

        // WAL + NORMAL is durable against application crashes. A 64 MB page cache imports 1 M rows as fast as 256 MB did
        // and caps memory: the peak working set is the same for 1 M and 5 M rows (docs/benchmarks.md).
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;";
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
