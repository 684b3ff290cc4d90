using System.Text.Json.Nodes;
using Dashboard.Metrics.Serialization;

namespace Dashboard.Metrics.Tests.Serialization;

/// <summary>`--format csv` of any command: the answer's main list as lines, its own fields repeated on each.</summary>
public sealed class JsonCsvTests
{
    [Fact]
    public void The_longest_list_of_objects_gives_the_lines_and_the_answer_fields_lead_each()
    {
        var answer = JsonNode.Parse("""
            {"currency": "USD", "totals": {"revenue": 30.5}, "notes": ["thin, data", "b"],
             "groups": [{"name": "g"}],
             "events": [{"event": "signup", "value": 2.5, "range": {"low": 1, "high": 4}, "identified": true},
                        {"event": "say \"hi\"", "value": null, "range": {"low": null, "high": null}, "identified": false}]}
            """);

        var csv = JsonCsv.ToCsv(answer);

        Assert.Equal(
            "currency,totals.revenue,notes,event,value,range.low,range.high,identified\n"
            + "USD,30.5,\"thin, data;b\",signup,2.5,1,4,true\n"
            + "USD,30.5,\"thin, data;b\",\"say \"\"hi\"\"\",,,,false\n",
            csv);
    }

    [Fact]
    public void An_answer_without_a_list_is_one_line_and_a_list_answer_is_its_elements()
    {
        Assert.Equal("import_id,inserted\n17,120\n", JsonCsv.ToCsv(JsonNode.Parse("""{"import_id": 17, "inserted": 120}""")));
        Assert.Equal("email,grants\na@x,market:DE;region:emea\nb@x,\n",
            JsonCsv.ToCsv(JsonNode.Parse("""[{"email": "a@x", "grants": ["market:DE", "region:emea"]}, {"email": "b@x", "grants": []}]""")));
    }
}
