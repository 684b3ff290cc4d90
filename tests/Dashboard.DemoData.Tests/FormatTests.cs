using System.Globalization;
using Dashboard.Domain.Imports;
using Dashboard.Domain.Money;
using Dashboard.Domain.Reference;

namespace Dashboard.DemoData.Tests;

/// <summary>Every file follows its import kind's contract (DATA.md): header, column counts, value formats, unique keys.</summary>
public sealed class FormatTests(SmallDemoFixture demo)
{
    public static TheoryData<string> Kinds => [.. ImportKinds.All.Select(k => k.Key)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void File_has_the_kinds_exact_header_and_valid_rows(string kind)
    {
        var spec = ImportKinds.Find(kind)!;
        var path = demo.PathOf(kind);
        var bytes = File.ReadAllBytes(path);
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no byte-order mark");

        using var rows = CsvRows.Read(path).GetEnumerator();
        Assert.True(rows.MoveNext());
        Assert.Equal(spec.Columns.Select(c => c.Name), rows.Current);

        var markets = DefaultReferenceData.Markets.Select(m => m.Code).ToHashSet();
        var channels = DefaultReferenceData.Channels.Select(c => c.Key).ToHashSet();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var count = 0L;
        while (rows.MoveNext())
        {
            var row = rows.Current;
            count++;
            Assert.Equal(spec.Columns.Count, row.Length);
            for (var i = 0; i < row.Length; i++)
            {
                var column = spec.Columns[i];
                var value = row[i];
                if (value.Length == 0)
                {
                    Assert.True(column.Presence != Presence.Required, $"{kind} line {count + 1}: {column.Name} is empty");
                    continue;
                }

                Assert.True(IsValid(column, value, markets, channels), $"{kind} line {count + 1}: {column.Name} = '{value}'");
            }

            var key = string.Join('\u001f', spec.Columns.Select((c, i) => (c, i)).Where(x => x.c.IsKey).Select(x => row[x.i]));
            Assert.True(keys.Add(key), $"{kind} line {count + 1}: duplicate key {key}");
        }

        Assert.Equal(demo.Result.RowCounts[kind], count);
        Assert.True(count > 0);
    }

    private static bool IsValid(ColumnSpec column, string value, HashSet<string> markets, HashSet<string> channels)
    {
        var invariant = CultureInfo.InvariantCulture;
        return column.Type switch
        {
            ColumnType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", invariant, DateTimeStyles.None, out _),
            ColumnType.Month => DateOnly.TryParseExact(value, "yyyy-MM", invariant, DateTimeStyles.None, out _),
            ColumnType.Timestamp => value.EndsWith('Z') && DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", invariant, DateTimeStyles.AdjustToUniversal, out _),
            ColumnType.Market => markets.Contains(value),
            ColumnType.Channel => channels.Contains(value),
            ColumnType.Source => Keys.TryParseSource(value, out _),
            ColumnType.Count => value.All(char.IsAsciiDigit),
            ColumnType.Money => Amount.TryParse(value, out _, out _),
            ColumnType.Currency => Currencies.IsKnown(value),
            ColumnType.Number => decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, invariant, out _),
            ColumnType.PositiveNumber => decimal.TryParse(value, NumberStyles.AllowDecimalPoint, invariant, out var n) && n > 0,
            ColumnType.Boolean => value is "true" or "false",
            ColumnType.Score => value is "1" or "2" or "3" or "4" or "5",
            ColumnType.Choice => column.Choices!.Contains(value),
            ColumnType.Event => value.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_'),
            _ => true,
        };
    }

    [Fact]
    public void Quoting_is_exercised_and_reads_back()
    {
        var reasons = demo.Records(ImportKinds.SurveyResponses).Select(r => r["reason"]).ToArray();
        Assert.Contains(reasons, r => r.Contains(',', StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains('"', StringComparison.Ordinal));
        var raw = File.ReadAllText(demo.PathOf(ImportKinds.SurveyResponses));
        Assert.Contains("\"\"", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_are_standard_keys_or_the_markets_aliases()
    {
        var definitions = DefaultReferenceData.Definitions.Select(d => d.Key).ToHashSet();
        var aliases = DefaultReferenceData.Aliases.Select(a => (a.MarketCode, a.Alias)).ToHashSet();
        var seenAliases = new HashSet<string>();
        var emptySource = 0;
        foreach (var row in demo.Records(ImportKinds.MicroConversions))
        {
            var e = row["event"];
            if (!definitions.Contains(e))
            {
                Assert.Contains((row["market"], e), aliases);
                seenAliases.Add(e);
            }

            emptySource += row["source"].Length == 0 ? 1 : 0;
            Assert.False(row["market"] == "DE" && e == "newsletter_signup", "DE sends all its newsletter sign-ups as nl_anmeldung");
        }

        Assert.Contains("nl_anmeldung", seenAliases);
        Assert.Equal(demo.Truth.Aliases.Select(a => a.Alias).Order(), seenAliases.Order());
        Assert.True(emptySource > 0, "some rows leave source empty");
    }

    [Fact]
    public void Some_markets_leave_non_purchase_sessions_empty()
    {
        var byMarket = demo.Records(ImportKinds.Traffic).GroupBy(r => r["market"]).ToDictionary(g => g.Key, g => g.All(r => r["non_purchase_sessions"].Length == 0));
        Assert.Contains(byMarket, kv => kv.Value);
        Assert.Contains(byMarket, kv => !kv.Value);
    }

    [Fact]
    public void Fx_rates_cover_every_month_and_market_currency_with_usd_at_one()
    {
        var rows = demo.Records(ImportKinds.FxRates).ToArray();
        var currencies = DefaultReferenceData.Markets.Select(m => m.Currency).Distinct().ToArray();
        var months = rows.Select(r => r["month"]).Distinct().ToArray();
        var from = demo.Options.FromDate;
        var end = demo.Options.EndDate;
        Assert.Equal(((end.Year - from.Year) * 12) + end.Month - from.Month + 1, months.Length);
        Assert.Equal(months.Length * currencies.Length, rows.Length);
        Assert.All(rows.Where(r => r["currency"] == "USD"), r => Assert.Equal("1", r["usd_rate"]));
    }
}
