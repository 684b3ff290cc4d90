using System.Text;

namespace Dashboard.DemoData.Randomness;

/// <summary>
/// Sub-seeds per stream (for example market + "spend"), so adding or reordering one stream never
/// shifts the draws of another. Uses FNV-1a over UTF-8, not string.GetHashCode (randomised per process).
/// </summary>
internal static class SeedDerivation
{
    public static ulong For(int seed, params ReadOnlySpan<string> parts)
    {
        var hash = 14695981039346656037UL;
        foreach (var part in parts)
        {
            foreach (var b in Encoding.UTF8.GetBytes(part))
            {
                hash = (hash ^ b) * 1099511628211UL;
            }

            // Separator so ("ab","c") and ("a","bc") differ.
            hash = (hash ^ 0xFF) * 1099511628211UL;
        }

        return SplitMix64.Mix(hash ^ SplitMix64.Mix((ulong)(uint)seed));
    }

    public static DemoRandom Stream(int seed, params ReadOnlySpan<string> parts) => new(For(seed, parts));
}
