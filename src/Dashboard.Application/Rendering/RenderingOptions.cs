namespace Dashboard.Application.Rendering;

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

/// <summary>Server-side rendering cannot run: Chromium is missing or would not start. The message says what to do.</summary>
public sealed class RenderingUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
