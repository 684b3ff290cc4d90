using Dashboard.Domain.Money;
using Dashboard.Domain.Reference;

namespace Dashboard.Data.Imports;

/// <summary>
/// The current CSV record with typed, validating accessors. Each accessor records a specific error
/// (line, column, value, reason) and returns false; a mapper checks every column so a row reports all its faults.
/// </summary>
internal sealed class RowContext(IReadOnlyDictionary<string, int> ordinals, ErrorSink errors, ReferenceLookup refs)
{
    private string[] _fields = [];
    private int _errorsAtRowStart;

    public long Line { get; private set; }

    public ReferenceLookup Refs => refs;

    public bool IsValid => errors.Total == _errorsAtRowStart;

    public void Start(long line, string[] fields)
    {
        Line = line;
        _fields = fields;
        _errorsAtRowStart = errors.Total;
    }

    public bool Has(string column) => ordinals.ContainsKey(column);

    /// <summary>The raw field, or "" when the column is not in the file.</summary>
    public string Raw(string column) => ordinals.TryGetValue(column, out var i) ? _fields[i] : "";

    /// <summary>A key-like field: surrounding spaces are not part of a key.</summary>
    public string Trimmed(string column) => Raw(column).Trim();

    public void Error(string column, string value, string message) => errors.Add(Line, column, value, message);

    public bool Required(string column, out string value)
    {
        value = Trimmed(column);
        if (value.Length > 0)
        {
            return true;
        }

        Error(column, value, "is required");
        return false;
    }

    private bool Check(string column, string value, string? reason)
    {
        if (reason is null)
        {
            return true;
        }

        Error(column, value, reason);
        return false;
    }

    public bool Date(string column, out DateOnly value)
    {
        value = default;
        return Required(column, out var text) && Check(column, text, FieldParsers.Date(text, out value));
    }

    public bool Month(string column, out string value)
    {
        value = "";
        return Required(column, out var text) && Check(column, text, FieldParsers.Month(text, out value));
    }

    public bool Timestamp(string column, out DateTime utc)
    {
        utc = default;
        return Required(column, out var text) && Check(column, text, FieldParsers.Timestamp(text, out utc));
    }

    public bool Count(string column, out long value)
    {
        value = 0;
        return Required(column, out var text) && Check(column, text, FieldParsers.Count(text, out value));
    }

    /// <summary>An optional count: empty or absent is reported as not present.</summary>
    public bool OptionalCount(string column, out long value, out bool present)
    {
        value = 0;
        var text = Trimmed(column);
        present = text.Length > 0;
        return !present || Check(column, text, FieldParsers.Count(text, out value));
    }

    public bool Money(string column, out Amount value)
    {
        value = default;
        return Required(column, out var text) && Check(column, text, FieldParsers.Money(text, out value));
    }

    public bool OptionalMoney(string column, out Amount value, out bool present)
    {
        value = default;
        var text = Trimmed(column);
        present = text.Length > 0;
        return !present || Check(column, text, FieldParsers.Money(text, out value));
    }

    public bool Currency(string column, out string value)
    {
        value = "";
        if (!Required(column, out var text))
        {
            return false;
        }

        value = text;
        return Check(column, text, FieldParsers.Currency(text));
    }

    public bool OptionalNumber(string column, out double? value)
    {
        value = null;
        var text = Trimmed(column);
        if (text.Length == 0)
        {
            return true;
        }

        if (!Check(column, text, FieldParsers.Number(text, out var v)))
        {
            return false;
        }

        value = v;
        return true;
    }

    public bool PositiveNumber(string column, out double value)
    {
        value = 0;
        return Required(column, out var text) && Check(column, text, FieldParsers.PositiveNumber(text, out value));
    }

    public bool Score(string column, out int value)
    {
        value = 0;
        return Required(column, out var text) && Check(column, text, FieldParsers.Score(text, out value));
    }

    public bool Choice(string column, IReadOnlyList<string> choices, out string value)
    {
        value = "";
        if (!Required(column, out var text))
        {
            return false;
        }

        value = text;
        return choices.Contains(text, StringComparer.Ordinal)
            || Check(column, text, $"is not one of {string.Join(", ", choices)}" + NearestKey.Hint(text, choices));
    }

    public bool Market(string column, out MarketInfo market)
    {
        market = null!;
        if (!Required(column, out var text))
        {
            return false;
        }

        if (refs.Markets.TryGetValue(text, out var found))
        {
            market = found;
            if (refs.AllowedMarkets is { } allowed && !allowed.Contains(found.Code))
            {
                Error(column, text, $"is outside the markets this caller may load ({string.Join(", ", allowed.Order(StringComparer.Ordinal))})");
                return false;
            }

            return true;
        }

        Error(column, text, "is not a configured market (ISO 3166-1 alpha-2 code)" + NearestKey.Hint(text, refs.Markets.Keys));
        return false;
    }

    public bool Channel(string column, out int channelId)
    {
        channelId = 0;
        if (!Required(column, out var text))
        {
            return false;
        }

        if (refs.Channels.TryGetValue(text, out channelId))
        {
            return true;
        }

        Error(column, text, "is not a configured channel" + NearestKey.Hint(text, refs.Channels.Keys));
        return false;
    }

    /// <summary>A standard definition key or the market's alias of one; <paramref name="market"/> is null when the row's market is itself invalid.</summary>
    public bool Event(string column, MarketInfo? market, out DefinitionInfo definition)
    {
        definition = null!;
        if (!Required(column, out var text))
        {
            return false;
        }

        var found = market is null
            ? refs.Definitions.GetValueOrDefault(text) ?? refs.Aliases.Values.Select(m => m.GetValueOrDefault(text)).FirstOrDefault(d => d is not null)
            : refs.ResolveEvent(text, market.Id);
        if (found is not null)
        {
            definition = found;
            return true;
        }

        var names = market is null ? refs.Definitions.Keys : refs.EventNamesFor(market.Id);
        Error(column, text, "is neither a micro-conversion key nor an alias of one in this market" + NearestKey.Hint(text, names));
        return false;
    }

    public bool Source(string column, DefinitionInfo? definition, out string source)
    {
        source = Trimmed(column);
        if (source.Length == 0)
        {
            source = definition?.DefaultSource ?? "";
            return true;
        }

        return Keys.TryParseSource(source, out _)
            || Check(column, source, $"is not a source system ({string.Join(", ", Keys.SourceKeys)})" + NearestKey.Hint(source, Keys.SourceKeys));
    }
}
