namespace Dashboard.Application.Imports;

/// <summary>
/// One-time tokens the import page issues to its own upload script, so no other site can post files with the admin's
/// cookie. A token is good for one upload by the user it was issued to, within an hour.
/// </summary>
public sealed class UploadTokens(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string User, DateTimeOffset Issued)> _tokens = new(StringComparer.Ordinal);

    public string Issue(string user)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _tokens.Where(t => now - t.Value.Issued > Lifetime))
        {
            _tokens.TryRemove(stale.Key, out _);
        }

        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        _tokens[token] = (user, now);
        return token;
    }

    public bool Redeem(string token, string user) =>
        token.Length > 0 && _tokens.TryRemove(token, out var issued) && issued.User == user && time.GetUtcNow() - issued.Issued <= Lifetime;
}
