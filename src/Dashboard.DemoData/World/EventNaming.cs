using Dashboard.Domain.Reference;

namespace Dashboard.DemoData.World;

/// <summary>One local event name a market's export uses for a definition, from a given day on.</summary>
internal sealed record AliasUse(string Market, string Alias, string Event, DateOnly From);

/// <summary>
/// The event names a market's micro-conversion export uses, so the import's alias mapping is
/// exercised: a market's first alias replaces the standard key on every row (DE: all newsletter
/// sign-ups arrive as nl_anmeldung); a second alias only from mid-range on, as after a system change.
/// </summary>
internal sealed class EventNaming
{
    private readonly string[] names;
    private readonly string[] aliasFrom;
    private readonly int[] switchDay;

    private EventNaming(string[] names, string[] aliasFrom, int[] switchDay, IReadOnlyList<AliasUse> uses)
    {
        this.names = names;
        this.aliasFrom = aliasFrom;
        this.switchDay = switchDay;
        Uses = uses;
    }

    public IReadOnlyList<AliasUse> Uses { get; }

    public string NameFor(int eventIndex, int day) => day >= switchDay[eventIndex] ? aliasFrom[eventIndex] : names[eventIndex];

    public static EventNaming Create(DemoWorld world, MarketProfile market)
    {
        var names = world.Events.ToArray();
        var aliased = world.Events.ToArray();
        var switchDay = Enumerable.Repeat(int.MaxValue, names.Length).ToArray();
        var uses = new List<AliasUse>();
        var aliases = DefaultReferenceData.Aliases.Where(a => a.MarketCode == market.Code).ToArray();
        for (var a = 0; a < aliases.Length; a++)
        {
            var e = Array.IndexOf(names, aliases[a].DefinitionKey);
            if (e < 0)
            {
                continue;
            }

            var day = a == 0 ? 0 : world.Days / 2;
            aliased[e] = aliases[a].Alias;
            switchDay[e] = day;
            // Recorded only when rows actually carry the alias: from when the market reports the event.
            var adoption = world.Rollout.AdoptionDay(market.Index, e);
            if (adoption != RolloutPlan.Never)
            {
                uses.Add(new AliasUse(market.Code, aliases[a].Alias, aliases[a].DefinitionKey, world.From.AddDays(Math.Max(day, adoption))));
            }
        }

        return new EventNaming(names, aliased, switchDay, uses);
    }
}
