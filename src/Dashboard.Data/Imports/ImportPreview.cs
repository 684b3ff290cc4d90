using System.Globalization;
using Dashboard.Data.Imports.Sources;
using Dashboard.Domain.Imports;
using Dashboard.Domain.Money;

namespace Dashboard.Data.Imports;

/// <summary>What one source column becomes: a standard column, ignored, or unknown to the kind.</summary>
public sealed record PreviewColumn(string Source, string? Target, bool Ignored, bool Known);

/// <summary>One previewed row: the values as they will be stored (keys resolved, defaults filled) or its errors.</summary>
public sealed record PreviewRow(long Line, IReadOnlyDictionary<string, string> Stored, IReadOnlyList<ImportError> Errors);

/// <summary>The first rows of a file as the import would store them, before anything is stored.</summary>
public sealed record ImportPreviewResult(
    string? Kind,
    string? KindReason,
    IReadOnlyList<KindMatch> Ranking,
    IReadOnlyList<PreviewColumn> Columns,
    IReadOnlyList<string> StoredColumns,
    IReadOnlyList<ImportError> HeaderErrors,
    IReadOnlyList<PreviewRow> Rows);

/// <summary>
/// Reads the header and the first rows of a file through the same header check, mapping, validation and key
/// resolution as the import, and shows each row as it would be stored. Reads only: nothing is written.
/// </summary>
public static class ImportPreview
{
    public static async Task<ImportPreviewResult> ReadAsync(
        DashboardDbContext db, Stream file, FileFormat format, string? kind, ColumnMapping mapping, int rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mapping);
        RecordSource source;
        try
        {
            source = RecordSource.Open(file, format);
        }
        catch (RecordSourceException ex)
        {
            return new(kind, ex.Message, [], [], [], [new ImportError(ex.Line, "", "", ex.Message)], []);
        }

        using (source)
        {
            var spec = kind is null ? null : ImportKinds.Find(kind);
            var (detected, reason) = source.Header.Count == 0 ? (null, "the file is empty: a header row is required") : KindDetector.Detect(source.Header, mapping);
            spec ??= detected;
            var ranking = source.Header.Count == 0 ? [] : KindDetector.Rank(source.Header, mapping);
            var columns = source.Header.Select(h => new PreviewColumn(
                h, mapping.Target(h), mapping.IsIgnored(h), spec?.Column(mapping.Target(h) ?? "") is not null)).ToList();
            if (spec is null)
            {
                return new(null, kind is null ? reason : $"'{kind}' is not an import kind", ranking, columns, [], [], []);
            }

            var errors = new ErrorSink();
            var ordinals = FileImporter.ReadHeader(source, ref spec, ImportOptions.Default with { Mapping = mapping }, errors);
            if (ordinals is null || spec is null)
            {
                return new(spec?.Key, kind is null ? null : reason, ranking, columns, [], errors.Listed.ToList(), []);
            }

            var mapper = KindMapper.For(spec.Key);
            await using var open = await OpenConnection.OfAsync(db, ct);
            var refs = await ReferenceLookup.LoadAsync(open.Connection, null, ct);
            return new(spec.Key, null, ranking, columns, mapper.Columns.Select(StoredName).ToList(), [],
                ReadRows(source, ordinals, mapper, refs, rows));
        }
    }

    private static List<PreviewRow> ReadRows(RecordSource source, Dictionary<string, int> ordinals, KindMapper mapper, ReferenceLookup refs, int rows)
    {
        var result = new List<PreviewRow>();
        var fields = new string[source.Header.Count];
        var values = new object?[mapper.Columns.Count];
        while (result.Count < rows)
        {
            var errors = new ErrorSink();
            try
            {
                if (!source.Read())
                {
                    break;
                }
            }
            catch (RecordSourceException ex)
            {
                result.Add(new PreviewRow(ex.Line, new Dictionary<string, string>(), [new ImportError(ex.Line, "", "", ex.Message)]));
                break;
            }

            if (source.FieldCount != fields.Length)
            {
                errors.Add(source.Line, "", "", $"has {source.FieldCount} field(s), the header has {fields.Length}");
                result.Add(new PreviewRow(source.Line, new Dictionary<string, string>(), errors.Listed.ToList()));
                continue;
            }

            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = source.Field(i);
            }

            var row = new RowContext(ordinals, errors, refs);
            row.Start(source.Line, fields);
            var outcome = mapper.Map(row, values);
            var stored = new Dictionary<string, string>(StringComparer.Ordinal);
            if (outcome != MapOutcome.Invalid)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    stored[StoredName(mapper.Columns[i])] = Display(mapper.Columns[i], values[i], refs);
                }

                if (outcome == MapOutcome.Withdrawn)
                {
                    stored["consent"] = "false: not stored, erases this journey";
                }
            }

            result.Add(new PreviewRow(source.Line, stored, errors.Listed.ToList()));
        }

        return result;
    }

    /// <summary>The standard column name of a table column (market_id is the file's market).</summary>
    private static string StoredName(string column) => column switch
    {
        "market_id" => "market",
        "channel_id" => "channel",
        "campaign_id" => "campaign",
        "definition_id" => "event",
        "brand_id" => "brand",
        "timestamp_utc" => "timestamp",
        _ => column,
    };

    private static string Display(string column, object? value, ReferenceLookup refs) => (column, value) switch
    {
        (_, null) => "",
        ("market_id", int id) => refs.Markets.Values.FirstOrDefault(m => m.Id == id)?.Code ?? "",
        ("channel_id", int id) => refs.Channels.FirstOrDefault(c => c.Value == id).Key ?? "",
        ("definition_id", int id) => refs.Definitions.Values.FirstOrDefault(d => d.Id == id)?.Key ?? "",
        ("campaign_id", int id) => refs.CampaignKey(id),
        ("brand_id", int id) => refs.BrandKey(id),
        ("revenue" or "spend", long units) => new Amount(units).ToDecimal().ToString("0.####", CultureInfo.InvariantCulture),
        (_, DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        (_, DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        (_, bool b) => b ? "true" : "false",
        (_, IFormattable f) => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
