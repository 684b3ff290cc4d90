using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
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
                    await staging.RunChecksAsync(errors, ct);
                }

                if (errors.Total == 0)
                {
                    applied = await ApplyAsync(staging, spec.Key, fileName, user, started, rows, clock, ct);
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

    private static async Task<long> StageAsync(
        Stream csv, ImportKindSpec spec, KindMapper mapper, StagingTable staging, DbConnection connection, DbTransaction tx,
        ErrorSink errors, IProgress<long>? rowsRead, CancellationToken ct)
    {
        using var text = new StreamReader(csv, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        CsvDataReader reader;
        try
        {
            reader = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' }, ct);
        }
        catch (Exception ex) when (ex is CsvFormatException or DecoderFallbackException)
        {
            errors.Add(1, "", "", Describe(ex));
            return 0;
        }

        await using (reader)
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

            var refs = await ReferenceLookup.LoadAsync(connection, tx, ct);
            var row = new RowContext(ordinals, errors, refs);
            var values = new object?[mapper.Columns.Count];
            var fields = new string[names.Count];
            long line = 1;
            long count = 0;
            while (true)
            {
                try
                {
                    // Synchronous per row for the same reason as the staging insert; the reader buffers 64 KB at a time.
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
                switch (await mapper.MapAsync(row, values, ct))
                {
                    case MapOutcome.Stage:
                        if (await staging.AddAsync(values, line, ct) is { } firstLine)
                        {
                            errors.Add(line, string.Join("+", mapper.Spec.KeyColumns.Select(c => c.Name)), KeyText(row, mapper),
                                $"repeats the key of line {firstLine.ToString(CultureInfo.InvariantCulture)}: two rows of one file may not share a key");
                        }

                        break;
                    case MapOutcome.Withdrawn:
                        await staging.WithdrawAsync((string)values[0]!, (int)values[1]!, ct);
                        break;
                }

                if (count % ProgressEvery == 0)
                {
                    rowsRead?.Report(count);
                }
            }

            rowsRead?.Report(count);
            return count;
        }
    }

    private static string KeyText(RowContext row, KindMapper mapper) =>
        string.Join(",", mapper.Spec.KeyColumns.Select(c => row.Trimmed(c.Name)));

    private static string Describe(Exception ex) => ex switch
    {
        DecoderFallbackException => "the file is not valid UTF-8 text",
        _ when ex.Message.Contains("does not have headers", StringComparison.OrdinalIgnoreCase) => "the file is empty: a header row is required",
        _ when ex.Message.Contains("quote", StringComparison.OrdinalIgnoreCase) =>
            "a quoted field is not closed (unterminated quote): every opening \" needs a closing \"",
        _ => "the file is not valid CSV: " + ex.Message,
    };

    private async Task<ImportResult> ApplyAsync(
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
        var (inserted, replaced) = await staging.ApplyAsync(importId, ct);
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
