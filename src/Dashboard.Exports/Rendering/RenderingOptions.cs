
namespace Dashboard.Exports.Rendering;

/// <summary>Where headless Chromium is (configuration section "Rendering").</summary>
public sealed class RenderingOptions
{
    public const string SectionName = "Rendering";

    public const string DefaultChromiumPath = "/usr/bin/chromium";

    public string ChromiumPath { get; set; } = DefaultChromiumPath;

    /// <summary>Start Chromium in the background when the app starts, so the first pack does not wait for it.</summary>
    public bool WarmUpAtStart { get; set; } = true;

    /// <summary>What is wrong with these settings, one sentence each (empty when none).</summary>
    public IReadOnlyList<string> Problems() =>
        string.IsNullOrWhiteSpace(ChromiumPath) ? [$"Rendering:ChromiumPath must name the Chromium executable (for example {DefaultChromiumPath})."] : [];
}
