namespace Dashboard.DemoData.World;

/// <summary>
/// One stream of actions: a paid channel driving an event (Cap per size unit at saturation),
/// or the organic baseline of an event (ChannelIndex = paid channel count, Cap = baseline per size unit).
/// </summary>
internal sealed record ActionPair(int ChannelIndex, string Channel, int EventIndex, string Event, double Cap, bool IsOrganic);
