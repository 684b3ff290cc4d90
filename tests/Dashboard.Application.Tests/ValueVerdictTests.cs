using Dashboard.Application.Dashboards;
using Dashboard.Attribution.Valuation;
using Dashboard.Metrics.Time;

namespace Dashboard.Application.Tests;

/// <summary>What the value page says before its values: the verdict, the groups by name, the types left unvalued.</summary>
public sealed class ValueVerdictTests
{
    private static ValuationResult Valuation(string verdict, IReadOnlyList<ValueGroup> groups) =>
        new("USD", 0.9, new DateRange(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), 100, 3, 0.9,
            [
                new EventValue("coupon_download", "Coupon download", 5, 4, 6, 0.6, 1000, null),
                new EventValue("sampling_request", "Sampling request", 3, -1, 7, 2.4, 500, null) { Identified = false },
                new EventValue("scan_to_win", "Scan to win", 2, -2, 6, 2.4, 500, null) { Identified = false },
                new EventValue("shelf_scan", "Shelf scan", null, null, null, null, 0, "not reported in the markets and days of this scope, so it cannot be valued"),
            ],
            7500, 6000, 9000, []) { Verdict = verdict, Groups = groups };

    [Fact]
    public void A_group_is_named_by_its_members_and_an_unvalued_type_gives_its_reason()
    {
        var verdict = ValueVerdict.Of(Valuation(Verdicts.Evidence, [new ValueGroup(["sampling_request", "scan_to_win"], 2.5, 2, 3, 1000)]));

        Assert.False(verdict.NoEvidence);
        Assert.Equal("The data show micro-conversions moving sales", verdict.Headline);
        var group = Assert.Single(verdict.Groups);
        Assert.Equal("Sampling request + Scan to win", group.Names);
        Assert.Equal(2500, group.EngagementValue);
        var left = Assert.Single(verdict.NotValued);
        Assert.Equal("Shelf scan", left.Name);
        Assert.StartsWith("not reported", left.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_evidence_is_said_as_not_shown_rather_than_worthless()
    {
        var verdict = ValueVerdict.Of(Valuation(Verdicts.NoEvidence, []));

        Assert.True(verdict.NoEvidence);
        Assert.Equal("No evidence in these data that any micro-conversion moves sales", verdict.Headline);
        Assert.Contains("not shown", verdict.Explanation, StringComparison.Ordinal);
        Assert.Empty(verdict.Groups);
    }

    [Fact]
    public void Each_type_says_whether_it_was_valued_on_its_own_with_its_group_or_not_at_all()
    {
        var valuation = Valuation(Verdicts.Evidence, []);

        Assert.Equal(["on its own", "with its group", "with its group", "not valued"], valuation.Events.Select(ValueVerdict.Valued));
        Assert.Contains("joint test at the 10% level", ValueVerdict.Of(valuation).Explanation, StringComparison.Ordinal);
    }
}
