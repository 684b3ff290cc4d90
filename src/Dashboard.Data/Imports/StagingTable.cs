using System.Data.Common;
using System.Globalization;
using static Dashboard.Data.Imports.SqlText;

namespace Dashboard.Data.Imports;

/// <summary>
/// The temporary table one import stages its rows in, checked and applied inside the import's transaction. The SQL is
/// written once for both providers; where PostgreSQL differs (statistics, the insert, the reference check) it says so.
/// </summary>
internal sealed class StagingTable(DbConnection connection, DbTransaction transaction, KindMapper mapper) : IAsyncDisposable
{
    private StageAppender? _appender;
    private readonly HashSet<(string JourneyId, int MarketId)> _withdrawn = [];

    /// <summary>
    /// The stage has no index while rows are appended (a unique index there cost a B-tree insert per row); duplicate
    /// keys within the file are found when the rows are applied, and listed only when there are some.
    /// </summary>
    public async Task CreateAsync(CancellationToken ct)
    {
        await ExecuteAsync("DROP TABLE IF EXISTS stage; DROP TABLE IF EXISTS withdrawn;", ct);
        await ExecuteAsync($"CREATE TEMP TABLE stage AS SELECT {List(mapper.Columns)}, CAST(0 AS BIGINT) AS line FROM {Quote(mapper.Table)} WHERE 1 = 0", ct);
        await ExecuteAsync("CREATE TEMP TABLE withdrawn (journey_id TEXT NOT NULL, market_id INTEGER NOT NULL, PRIMARY KEY (journey_id, market_id))", ct);
    }

    /// <summary>Starts appending rows; until <see cref="FinishStagingAsync"/> the connection runs nothing else (PostgreSQL's COPY holds it).</summary>
    public async Task StartStagingAsync(CancellationToken ct) => _appender = await StageAppender.ForAsync(connection, transaction, mapper.Columns, ct);

    /// <summary>Stages one valid row (synchronous: see <see cref="StageAppender"/>).</summary>
    public void Add(object?[] values, long line) => _appender!.Append(values, line);

    /// <summary>A journey whose consent was withdrawn; kept in memory while rows stream (PostgreSQL's COPY holds the connection).</summary>
    public void Withdraw(string journeyId, int marketId) => _withdrawn.Add((journeyId, marketId));

    /// <summary>Ends the streaming of rows and stores the withdrawn journeys.</summary>
    public async Task FinishStagingAsync(CancellationToken ct)
    {
        await _appender!.CompleteAsync(ct);
        if (_withdrawn.Count == 0)
        {
            return;
        }

        // A few hundred journeys per statement, not a round trip each.
        foreach (var chunk in _withdrawn.Chunk(WithdrawnPerStatement))
        {
            var values = string.Join(", ", chunk.Select((_, i) => $"(@j{i}, @m{i})"));
            await ExecuteAsync($"INSERT INTO withdrawn (journey_id, market_id) VALUES {values}", ct,
                [.. chunk.SelectMany((w, i) => new (string, object?)[] { ($"@j{i}", w.JourneyId), ($"@m{i}", w.MarketId) })]);
        }
    }

    // Two parameters a row, under SQLite's 32,766 parameters a statement.
    private const int WithdrawnPerStatement = 500;

    /// <summary>Indexes the staged rows for the kind's cross-row checks (built once after loading: cheaper than per row).</summary>
    public async Task IndexForChecksAsync(CancellationToken ct)
    {
        // PostgreSQL has no statistics on a new temporary table (autovacuum skips them) and would plan the joins blind.
        if (SqlDialect.Of(connection).IsPostgres)
        {
            await ExecuteAsync("ANALYZE stage", ct);
        }

        for (var i = 0; i < mapper.StageIndexes.Count; i++)
        {
            await ExecuteAsync($"CREATE INDEX ix_stage_{i.ToString(CultureInfo.InvariantCulture)} ON stage ({List(mapper.StageIndexes[i])})", ct);
        }
    }

    /// <summary>Every staged row whose key an earlier line of the file already has, with that line and the key as written in reference keys.</summary>
    public async Task ListDuplicatesAsync(ErrorSink errors, CancellationToken ct)
    {
        var keys = List(mapper.KeyColumns);
        var display = string.Join(" || ',' || ", mapper.KeyColumns.Select(k => KindMapper.DisplaySql("s", k)));
        await using var cmd = Command(
            $"""
            SELECT s.line, f.first_line, {display}
            FROM stage s JOIN (SELECT {keys}, MIN(line) AS first_line FROM stage GROUP BY {keys} HAVING COUNT(*) > 1) f
              ON {KeyMatch(mapper.KeyColumns, "s", "f")}
            WHERE s.line > f.first_line
            ORDER BY s.line
            """);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var column = string.Join("+", mapper.Spec.KeyColumns.Select(c => c.Name));
        while (await reader.ReadAsync(ct))
        {
            errors.Add(reader.GetInt64(0), column, reader.IsDBNull(2) ? "" : reader.GetString(2),
                $"repeats the key of line {reader.GetInt64(1).ToString(CultureInfo.InvariantCulture)}: two rows of one file may not share a key");
        }
    }

    public async Task RunChecksAsync(ErrorSink errors, CancellationToken ct)
    {
        foreach (var sql in mapper.CrossRowChecks)
        {
            await using var cmd = Command(sql + " ORDER BY 1");
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                errors.Add(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2), reader.GetString(3));
            }
        }
    }

    /// <summary>Consent withdrawn: every stored touch of those journeys is deleted, and none of this file's is stored.</summary>
    public async Task<long> EraseWithdrawnJourneysAsync(CancellationToken ct)
    {
        var erased = await ScalarAsync<long>(
            "SELECT COUNT(*) FROM withdrawn w WHERE EXISTS (SELECT 1 FROM journeys j WHERE j.journey_id = w.journey_id AND j.market_id = w.market_id)", ct);
        if (erased > 0)
        {
            await ExecuteAsync("DELETE FROM journeys WHERE EXISTS (SELECT 1 FROM withdrawn w WHERE w.journey_id = journeys.journey_id AND w.market_id = journeys.market_id)", ct);
        }

        if (mapper is JourneysMapper)
        {
            await ExecuteAsync("DELETE FROM stage WHERE EXISTS (SELECT 1 FROM withdrawn w WHERE w.journey_id = stage.journey_id AND w.market_id = stage.market_id)", ct);
        }

        return erased;
    }

    /// <summary>
    /// Marks current rows with a staged key as replaced by this import, then inserts the staged rows. A staged key
    /// that conflicts on insert is a second row of the file with one key: <c>Duplicates</c> counts them, and the
    /// caller lists them and rolls back.
    /// </summary>
    public async Task<(long Inserted, long Replaced, long Duplicates)> ApplyAsync(int importId, CancellationToken ct)
    {
        var table = Quote(mapper.Table);
        var staged = await ScalarAsync<long>("SELECT COUNT(*) FROM stage", ct);
        await CheckReferencesAsync(ct);

        // Driven from the stage through the natural-key index, so the cost follows the file, not the table.
        var replaced = await ExecuteAsync(
            $"UPDATE {table} SET superseded_by = @id FROM stage s WHERE {table}.superseded_by IS NULL AND {KeyMatch(mapper.KeyColumns, "s", table)}",
            ct, ("@id", importId));
        var inserted = SqlDialect.Of(connection).IsPostgres
            ? await InsertOrNoneAsync(table, importId, ct)
            : await ExecuteAsync(
                $"""
                INSERT INTO {table} ({List(mapper.Columns)}, import_id) SELECT {List(mapper.Columns)}, @id FROM stage WHERE true
                ON CONFLICT ({List(mapper.KeyColumns)}) WHERE superseded_by IS NULL DO NOTHING
                """,
                ct, ("@id", importId));
        return (inserted - replaced, replaced, staged - inserted);
    }

    /// <summary>
    /// PostgreSQL: a plain insert, 0 rows when the file repeats a key. ON CONFLICT's speculative insertion made the
    /// insert of a million rows a third slower, and after the update above only a repeat within the file can conflict:
    /// the unique index refuses it, and the savepoint undoes the partial insert.
    /// </summary>
    private async Task<int> InsertOrNoneAsync(string table, int importId, CancellationToken ct)
    {
        await ExecuteAsync("SAVEPOINT apply_rows", ct);
        try
        {
            var inserted = await ExecuteAsync($"INSERT INTO {table} ({List(mapper.Columns)}, import_id) SELECT {List(mapper.Columns)}, @id FROM stage", ct, ("@id", importId));
            await ExecuteAsync("RELEASE SAVEPOINT apply_rows", ct);
            return inserted;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            await ExecuteAsync("ROLLBACK TO SAVEPOINT apply_rows", ct);
            return 0;
        }
    }

    private static readonly Dictionary<string, string> Principals = new(StringComparer.Ordinal)
    {
        ["market_id"] = "markets", ["channel_id"] = "channels", ["campaign_id"] = "campaigns", ["definition_id"] = "definitions", ["brand_id"] = "brands",
    };

    /// <summary>
    /// On PostgreSQL the fact tables have no per-row foreign-key triggers (see the FactReferencesCheckedPerImport
    /// migration): the file's references are checked here instead, once and set-based. The mapper resolved every key
    /// against these tables in this transaction, so a miss is a defect, and it stops the import.
    /// </summary>
    private async Task CheckReferencesAsync(CancellationToken ct)
    {
        if (!SqlDialect.Of(connection).IsPostgres)
        {
            return;
        }

        var columns = mapper.Columns.Where(Principals.ContainsKey).ToList();
        if (columns.Count == 0)
        {
            return;
        }

        // One scan of the stage, hash-joined to each small reference table.
        var joins = string.Join(" ", columns.Select((c, i) => $"LEFT JOIN {Principals[c]} r{i} ON r{i}.id = s.{Quote(c)}"));
        var missing = string.Join(" OR ", columns.Select((_, i) => $"r{i}.id IS NULL"));
        var rows = await ScalarAsync<long>($"SELECT COUNT(*) FROM stage s {joins} WHERE {missing}", ct);
        if (rows > 0)
        {
            throw new InvalidOperationException(
                $"{rows} staged row(s) of {mapper.Table} name an id that {string.Join(", ", columns.Select(c => Principals[c]))} do not hold: nothing was imported");
        }
    }

    public Task DropAsync(CancellationToken ct) => ExecuteAsync("DROP TABLE IF EXISTS stage; DROP TABLE IF EXISTS withdrawn;", ct);

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(sql);
        AddParameters(cmd, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(sql);
        AddParameters(cmd, parameters);
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync(ct))!, typeof(T), CultureInfo.InvariantCulture);
    }

    public static void AddParameters(DbCommand cmd, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
    }

    public ValueTask DisposeAsync()
    {
        _appender?.Dispose();
        return ValueTask.CompletedTask;
    }

    private DbCommand Command(string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;

        // Applying a million-row file takes longer than the default 30 s on a busy server; the import's token cancels.
        cmd.CommandTimeout = 600;
        return cmd;
    }
}
