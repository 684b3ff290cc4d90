using Dashboard.Domain.Reference;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Application.Dashboards;

/// <summary>A group's display name from its key (a market's name for its code, a channel's or type's name for its key), for narrative sentences.</summary>
public static class GroupLabels
{
    public static Func<Dimension, string, string> For(ReferenceSet reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return (dimension, key) => dimension switch
        {
            Dimension.Market => reference.Markets.FirstOrDefault(m => m.Code == key)?.Name ?? key,
            Dimension.Channel => reference.Channels.FirstOrDefault(c => c.Key == key)?.Name ?? key,
            Dimension.Event => reference.Events.FirstOrDefault(e => e.Key == key)?.Name ?? key,
            Dimension.Category => Enum.GetValues<Category>().Where(c => c.ToKey() == key).Select(FunnelPageModel.CategoryName).FirstOrDefault() ?? key,
            _ => key,
        };
    }
}
