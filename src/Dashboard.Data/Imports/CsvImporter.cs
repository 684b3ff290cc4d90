using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Dashboard.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Sylvan.Data.Csv;

namespace Dashboard.Data.Imports;

/// <summary>
/// Imports one standard CSV file (DATA.md) all or nothing. The file is streamed once: every row is validated and
/// staged in a temporary table whose unique index finds duplicate keys without holding the file in memory; only
/// when no row is bad are the staged rows applied (replacing current rows with the same natural key) and the
/// transaction committed. A failed file leaves the data untouched and is recorded with its errors.
/// </summary>
public sealed class CsvImporter(DashboardDbContext db, TimeProvider time)
{
    private const int ProgressEvery = 10_000;

    public async Task<ImportResult> ImportFileAsync(string kind, string path, string user, CancellationToken ct = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return await ImportAsync(kind, stream, Path.GetFileName(path), user, null, ct);
    }

    public async Task<ImportResult> ImportAsync(
        string kind, Stream csv, string fileName, string user, IProgress<long>? rowsRead = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var clock = Stopwatch.StartNew();
        var spec = ImportKinds.Find(kind);
        var errors = new ErrorSink();
        if (spec is null)
        {
            errors.Add(0, "", kind, $"is not an import kind (expected one of {string.Join(", ", ImportKinds.All.Select(k => k.Key))})");
            return Failed(kind, fileName, 0, errors, clock.Elapsed);
        }

        var mapper = KindMapper.For(spec.Key);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            var started = time.GetUtcNow().UtcDateTime;
            await TuneAsync(connection, ct);
            long rows;
            ImportResult? applied = null;
            await using (var tx = await connection.BeginTransactionAsync(ct))
            {
                await using var staging = new StagingTable(connection, tx, mapper);
                await staging.CreateAsync(ct);
                rows = await StageAsync(csv, spec, mapper, staging, connection, tx, errors, rowsRead, ct);
                if (errors.Total == 0)
                {
                    await staging.IndexForChecksAsync(ct);
                    await staging.RunChecksAsync(errors, ct);
                }

                if (errors.Total == 0)
                {
                    applied = await ApplyAsync(staging, spec.Key, fileName, user, started, rows, clock, ct);
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

            if (applied is not null)
            {
                return applied;
            }

            var failed = Failed(spec.Key, fileName, rows, errors, clock.Elapsed);
            return failed with { ImportId = await RecordFailureAsync(connection, failed, user, started, ct) };
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>
    /// Reads, validates and maps the file on a worker thread while this one appends the valid rows to the stage:
    /// the two halves take about as long as each other, and batches in a bounded channel keep memory flat.
    /// </summary>
    private static async Task<long> StageAsync(
        Stream csv, ImportKindSpec spec, KindMapper mapper, StagingTable staging, DbConnection connection, DbTransaction tx,
        ErrorSink errors, IProgress<long>? rowsRead, CancellationToken ct)
    {
        var refs = await ReferenceLookup.LoadAsync(connection, tx, ct);
        var full = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = true, SingleWriter = true });
        var free = Channel.CreateUnbounded<RowBatch>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadRows(csv, spec, mapper, refs, errors, rowsRead, full.Writer, free.Reader, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in full.Reader.ReadAllAsync(ct))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    if (batch.Withdrawn[i])
                    {
                        await staging.WithdrawAsync((string)batch.Values[i][0]!, (int)batch.Values[i][1]!, ct);
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
        Stream csv, ImportKindSpec spec, KindMapper mapper, ReferenceLookup refs, ErrorSink errors, IProgress<long>? rowsRead,
        ChannelWriter<RowBatch> full, ChannelReader<RowBatch> free, CancellationToken ct)
    {
        try
        {
            return ReadRowsInto(csv, spec, mapper, refs, errors, rowsRead, full, free, ct);
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
        Stream csv, ImportKindSpec spec, KindMapper mapper, ReferenceLookup refs, ErrorSink errors, IProgress<long>? rowsRead,
        ChannelWriter<RowBatch> full, ChannelReader<RowBatch> free, CancellationToken ct)
    {
        using var text = new StreamReader(csv, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        CsvDataReader reader;
        try
        {
            reader = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
        }
        catch (Exception ex) when (ex is CsvFormatException or DecoderFallbackException)
        {
            errors.Add(1, "", "", Describe(ex));
            return 0;
        }

        using (reader)
        {
            var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            if (names.Count == 0 || (names.Count == 1 && names[0].Length == 0))
            {
                errors.Add(1, "", "", "the file is empty: a header row is required");
                return 0;
            }

            var ordinals = CsvHeader.Map(spec, names, errors);
            if (ordinals is null)
            {
                return 0;
            }

            var row = new RowContext(ordinals, errors, refs);
            var batch = new RowBatch(mapper.Columns.Count);
            var fields = new string[names.Count];
            long line = 1;
            long count = 0;
            while (true)
            {
                try
                {
                    if (!reader.Read())
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is CsvFormatException or DecoderFallbackException)
                {
                    errors.Add(line + 1, "", "", Describe(ex));
                    break;
                }

                line++;
                count++;
                if (reader.RowFieldCount != names.Count)
                {
                    errors.Add(line, "", "", $"has {reader.RowFieldCount} field(s), the header has {names.Count}");
                    continue;
                }

                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.GetString(i);
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
    }

    private static void Send(ChannelWriter<RowBatch> full, RowBatch batch, CancellationToken ct)
    {
        // Blocks this worker thread while the writer is BatchesInFlight batches behind: that is the back-pressure.
        if (!full.TryWrite(batch))
        {
            full.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        DecoderFallbackException => "the file is not valid UTF-8 text",
        _ when ex.Message.Contains("does not have headers", StringComparison.OrdinalIgnoreCase) => "the file is empty: a header row is required",
        _ when ex.Message.Contains("quote", StringComparison.OrdinalIgnoreCase) =>
            "a quoted field is not closed (unterminated quote): every opening \" needs a closing \"",
        _ => "the file is not valid CSV: " + ex.Message,
    };

    /// <summary>Applies the staged rows and records the import; null when the file repeats a key (nothing is kept).</summary>
    private async Task<ImportResult?> ApplyAsync(
        StagingTable staging, string kind, string fileName, string user, DateTime started, long rows,
        Stopwatch clock, CancellationToken ct)
    {
        var importId = await staging.ScalarAsync<int>(
            """
            INSERT INTO imports (kind, file_name, "user", started_utc, outcome, rows_read, inserted, replaced, erased, error_count, errors_json)
            VALUES (@kind, @file, @user, @started, 'running', @rows, 0, 0, 0, 0, '') RETURNING id
            """,
            ct, ("@kind", kind), ("@file", fileName), ("@user", user), ("@started", started), ("@rows", rows));
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

    private static ImportResult Failed(string kind, string fileName, long rows, ErrorSink errors, TimeSpan duration) =>
        new(kind, fileName, null, false, rows, 0, 0, 0, errors.Listed.ToList(), errors.Total, duration);

    /// <summary>Failed imports are recorded too (with their first errors), outside the rolled-back transaction.</summary>
    private async Task<int> RecordFailureAsync(DbConnection connection, ImportResult failed, string user, DateTime started, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText =
            """
            INSERT INTO imports (kind, file_name, "user", started_utc, finished_utc, outcome, rows_read, inserted, replaced, erased, error_count, errors_json)
            VALUES (@kind, @file, @user, @started, @finished, 'failed', @rows, 0, 0, 0, @errors, @json) RETURNING id
            """;
        var json = JsonSerializer.Serialize(failed.Errors.Take(100).Select(e => new { line = e.Line, column = e.Column, value = e.Value, message = e.Message }));
        StagingTable.AddParameters(cmd, ("@kind", failed.Kind), ("@file", failed.FileName), ("@user", user), ("@started", started),
            ("@finished", time.GetUtcNow().UtcDateTime), ("@rows", failed.RowsRead), ("@errors", failed.TotalErrors), ("@json", json));
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task TuneAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection.GetType().Name != "SqliteConnection")
        {
            return;
        }

        // WAL + NORMAL is durable against application crashes; a bigger page cache keeps index inserts of large files in memory.
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144;";
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
