namespace Dashboard.Metrics.Snapshot;

/// <summary>A campaign's flight (DATA.md `campaigns`): when it ran on which channel, for shaded periods on trend charts.</summary>
public sealed record CampaignFlight(string Campaign, string Name, int Channel, DateOnly Start, DateOnly End, string Objective);
