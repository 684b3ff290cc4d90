using System.Data.Common;
using System.Globalization;
using static Dashboard.Data.Imports.SqlText;

namespace Dashboard.Data.Imports;

/// <summary>
/// The temporary table one import stages its rows in, with a unique index on the natural key: a row whose key
/// is already staged is a duplicate within the file. Portable SQL, run inside the import's transaction.
/// </summary>
internal sealed class StagingTable(DbConnection connection, DbTransaction transaction, KindMapper mapper) : IAsyncDisposable
{
    private readonly int[] _keyIndexes = mapper.KeyColumns.Select(k => mapper.Columns.ToList().IndexOf(k)).ToArray();
    private DbCommand? _insert;
    private DbCommand? _findLine;
    private DbCommand? _withdraw;

    public async Task CreateAsync(CancellationToken ct)
    {
        await ExecuteAsync("DROP TABLE IF EXISTS stage; DROP TABLE IF EXISTS withdrawn;", ct);
        await ExecuteAsync($"CREATE TEMP TABLE stage AS SELECT {List(mapper.Columns)}, 0 AS line FROM {Quote(mapper.Table)} WHERE 1 = 0", ct);
        await ExecuteAsync($"CREATE UNIQUE INDEX ux_stage_key ON stage ({List(mapper.KeyColumns)})", ct);
        await ExecuteAsync("CREATE TEMP TABLE withdrawn (journey_id TEXT NOT NULL, market_id INTEGER NOT NULL, PRIMARY KEY (journey_id, market_id))", ct);

        var names = mapper.Columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        _insert = Command($"INSERT INTO stage ({List(mapper.Columns)}, line) VALUES ({string.Join(", ", names)}, @line) ON CONFLICT DO NOTHING");
        foreach (var name in names.Append("@line"))
        {
            var p = _insert.CreateParameter();
            p.ParameterName = name;
            _insert.Parameters.Add(p);
        }

        _insert.Prepare();
    }

    /// <summary>Stages a valid row; returns the line of the earlier row with the same key when it is a duplicate.</summary>
    public async Task<long?> AddAsync(object?[] values, long line, CancellationToken ct)
    {
        var cmd = _insert!;
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        cmd.Parameters[values.Length].Value = line;

        // Synchronous on purpose: this runs once per row, and the async path of ADO.NET providers costs more per call
        // than the embedded insert itself. The whole import already runs off the request thread.
        ct.ThrowIfCancellationRequested();
        if (cmd.ExecuteNonQuery() == 1)
        {
            return null;
        }

        if (_findLine is null)
        {
            _findLine = Command($"SELECT line FROM stage WHERE {string.Join(" AND ", mapper.KeyColumns.Select((k, i) => $"{Quote(k)} = @k{i}"))}");
            AddParameters(_findLine, _keyIndexes.Select((_, i) => ("@k" + i.ToString(CultureInfo.InvariantCulture), (object?)null)).ToArray());
        }

        for (var i = 0; i < _keyIndexes.Length; i++)
        {
            _findLine.Parameters[i].Value = values[_keyIndexes[i]] ?? DBNull.Value;
        }

        return Convert.ToInt64(await _findLine.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public async Task WithdrawAsync(string journeyId, int marketId, CancellationToken ct)
    {
        if (_withdraw is null)
        {
            _withdraw = Command("INSERT INTO withdrawn (journey_id, market_id) VALUES (@j, @m) ON CONFLICT DO NOTHING");
            AddParameters(_withdraw, ("@j", null), ("@m", null));
        }

        _withdraw.Parameters[0].Value = journeyId;
        _withdraw.Parameters[1].Value = marketId;
        await _withdraw.ExecuteNonQueryAsync(ct);
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

    /// <summary>Marks current rows with a staged key as replaced by this import, then inserts every staged row.</summary>
    public async Task<(long Inserted, long Replaced)> ApplyAsync(int importId, CancellationToken ct)
    {
        var table = Quote(mapper.Table);
        var replaced = await ExecuteAsync(
            $"UPDATE {table} SET superseded_by = @id WHERE superseded_by IS NULL AND EXISTS (SELECT 1 FROM stage s WHERE {KeyMatch(mapper.KeyColumns, "s", table)})",
            ct, ("@id", importId));
        var staged = await ExecuteAsync(
            $"INSERT INTO {table} ({List(mapper.Columns)}, import_id) SELECT {List(mapper.Columns)}, @id FROM stage",
            ct, ("@id", importId));
        return (staged - replaced, replaced);
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

    public async ValueTask DisposeAsync()
    {
        foreach (var cmd in new[] { _insert, _findLine, _withdraw })
        {
            if (cmd is not null)
            {
                await cmd.DisposeAsync();
            }
        }
    }

    private DbCommand Command(string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        return cmd;
    }
}
