namespace Dashboard.Metrics.Engine;

/// <summary>The additive quantities of one period, one slot per group cell; null when no measure needs them.</summary>
internal sealed class Accumulators
{
    public double[]? Actions { get; set; }
    public double[]? Sessions { get; set; }
    public double[]? NonPurchaseSessions { get; set; }
    public double[]? Orders { get; set; }
    public double[]? Units { get; set; }
    public double[]? Revenue { get; set; }
    public double[]? Spend { get; set; }

    /// <summary>Cells with a money row whose currency had no rate for its month (the sum is absent).</summary>
    public bool[]? RevenueFxMissing { get; set; }
    public bool[]? SpendFxMissing { get; set; }

    /// <summary>Per cell: markets that reported the cell's definition(s); per projected cell: markets that reported any.</summary>
    public int[]? CoverageReporting { get; set; }
    public int[]? CoverageAny { get; set; }

    /// <summary>Σ actions × value per action (engagement value), in the reporting currency; a cell with a month without rate is flagged.</summary>
    public double[]? Engagement { get; set; }
    public bool[]? EngagementFxMissing { get; set; }

    /// <summary>Σ revenue × the brand's gross margin, for the revenue-weighted margin of ROI.</summary>
    public double[]? MarginRevenue { get; set; }

    /// <summary>Channel credit shares per credit scope (null entry: no conversion there), and each cell's scope.</summary>
    public double[]?[]? CreditShares { get; set; }
    public int[]? CreditScopeOfCell { get; set; }

    /// <summary>Channels the filters keep (attributed revenue without a channel grouping sums their shares).</summary>
    public bool[]? ChannelKept { get; set; }

    /// <summary>Cells that hold at least one row of a table that has every grouped dimension.</summary>
    public required bool[] Present { get; init; }

    /// <summary>The one-cell totals of these sums (not valid for coverage, which counts distinct markets).</summary>
    public Accumulators Total() => new()
    {
        Present = [Present.Any(p => p)],
        Actions = Sum(Actions),
        Sessions = Sum(Sessions),
        NonPurchaseSessions = Sum(NonPurchaseSessions),
        Orders = Sum(Orders),
        Units = Sum(Units),
        Revenue = Sum(Revenue),
        Spend = Sum(Spend),
        RevenueFxMissing = RevenueFxMissing is null ? null : [RevenueFxMissing.Any(m => m)],
        SpendFxMissing = SpendFxMissing is null ? null : [SpendFxMissing.Any(m => m)],
        Engagement = Sum(Engagement),
        EngagementFxMissing = EngagementFxMissing is null ? null : [EngagementFxMissing.Any(m => m)],
    };

    private static double[]? Sum(double[]? cells) => cells is null ? null : [cells.Sum()];
}
