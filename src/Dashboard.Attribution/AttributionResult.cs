namespace Dashboard.Attribution;

/// <summary>One channel's credit; revenue is null when some conversion in scope had no exchange rate.</summary>
public sealed record ChannelCredit(string Channel, string Name, double Conversions, double? Revenue, double? RemovalEffect);

public sealed record AttributionTotals(int Conversions, double? Revenue, int Paths);

/// <summary>The answer to an <see cref="AttributionQuery"/> (API.md "dashboard attribution").</summary>
public sealed record AttributionResult(
    AttributionModel Model,
    string Currency,
    int LookbackDays,
    AttributionTotals Totals,
    IReadOnlyList<ChannelCredit> Channels,
    double? ConversionProbability,
    IReadOnlyList<string> Notes);
