namespace Dashboard.DemoData.World;

/// <summary>
/// A campaign of one channel: a flight (raised spend between Start and End in the markets that
/// join it) or, in the large size, an always-on campaign running all the time (multiplier 1).
/// </summary>
internal sealed record Flight(
    int Index,
    string Key,
    string Name,
    int ChannelIndex,
    string Channel,
    DateOnly Start,
    DateOnly End,
    string Objective,
    double SpendMultiplier,
    bool IsAlwaysOn)
{
    public bool Covers(DateOnly date) => date >= Start && date <= End;
}
