using System.Collections.Concurrent;
using Dashboard.Application.Packs;

namespace Dashboard.Web.Exports;

/// <summary>
/// Keeps a pack the page built for its owner's browser to download once, within ten minutes (the file is made over
/// the page's connection, with its progress bar, and handed over by a plain HTTP download).
/// </summary>
public sealed class PackDownloads(TimeProvider time)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (PackFile File, string Owner, DateTimeOffset Until)> _ready = new(StringComparer.Ordinal);

    /// <summary>Holds <paramref name="file"/>; returns the id to fetch it by.</summary>
    public string Hold(PackFile file, string owner)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _ready.Where(r => r.Value.Until < now).Select(r => r.Key).ToList())
        {
            _ready.TryRemove(stale, out _);
        }

        var id = Guid.NewGuid().ToString("N");
        _ready[id] = (file, owner, now + Keep);
        return id;
    }

    /// <summary>The held file, once, for its owner; null when unknown, expired, already fetched or someone else's.</summary>
    public PackFile? Take(string id, string owner) =>
        _ready.TryGetValue(id, out var held) && held.Owner == owner && held.Until >= time.GetUtcNow() && _ready.TryRemove(id, out _) ? held.File : null;
}
