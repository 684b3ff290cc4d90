using System.Text;

namespace Dashboard.DemoData.Tests;

/// <summary>
/// A tiny streaming RFC 4180 reader for the tests (quoted fields, doubled quotes, commas and line
/// breaks inside quotes), independent of the generator's writer so it can catch its mistakes.
/// Lines without quotes take a fast path; quoted records go through a character parser.
/// </summary>
internal static class CsvRows
{
    public static IEnumerable<string[]> Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (!line.Contains('"', StringComparison.Ordinal))
            {
                yield return line.Split(',');
                continue;
            }

            // A quoted field may hold line breaks: read on until the quotes balance.
            var record = line;
            while (record.Count(c => c == '"') % 2 == 1)
            {
                var more = reader.ReadLine() ?? throw new InvalidDataException($"{path}: unterminated quote");
                record += "\n" + more;
            }

            yield return ParseQuoted(path, record);
        }
    }

    private static string[] ParseQuoted(string path, string record)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var afterQuote = false;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            if (inQuotes)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < record.Length && record[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                    afterQuote = true;
                }

                continue;
            }

            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                afterQuote = false;
            }
            else if (c == '"' && field.Length == 0 && !afterQuote)
            {
                inQuotes = true;
            }
            else if (c == '"' || afterQuote)
            {
                throw new InvalidDataException($"{path}: malformed quoting in '{record}'");
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    /// <summary>Data rows addressable by column name (header skipped).</summary>
    public static IEnumerable<CsvRecord> Records(string path)
    {
        Dictionary<string, int>? columns = null;
        foreach (var row in Read(path))
        {
            if (columns is null)
            {
                columns = row.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
                continue;
            }

            yield return new CsvRecord(columns, row);
        }
    }
}

/// <summary>One data row; the column map is shared by all rows of a file.</summary>
internal readonly struct CsvRecord(Dictionary<string, int> columns, string[] values)
{
    public string this[string column] => values[columns[column]];
}
