using Dashboard.Application.Filters;
using Dashboard.Attribution.Lift;

namespace Dashboard.Application.Dashboards;

/// <summary>The Experiments page's choices as its URL holds them (`?test=…&amp;outcome=…`): a copied link opens the same readout.</summary>
/// <param name="Test">The holdout test; null = the first the user may see.</param>
/// <param name="Outcome">"revenue" or a micro-conversion's key.</param>
public sealed record ExperimentsView(string? Test, string Outcome)
{
    public const string Revenue = HoldoutLift.RevenueOutcome;

    public static ExperimentsView Default { get; } = new(null, Revenue);

    /// <summary>From a query string; unknown names are kept here and fall back when the page model checks them.</summary>
    public static ExperimentsView Parse(string? query)
    {
        var q = QueryValues.Parse(query);
        return new ExperimentsView(q.GetValueOrDefault("test"), q.GetValueOrDefault("outcome") ?? Revenue);
    }

    /// <summary>The query string without '?'; empty for the default view.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        if (Test is not null)
        {
            parts.Add("test=" + Uri.EscapeDataString(Test));
        }

        if (Outcome != Revenue)
        {
            parts.Add("outcome=" + Uri.EscapeDataString(Outcome));
        }

        return string.Join('&', parts);
    }
}
