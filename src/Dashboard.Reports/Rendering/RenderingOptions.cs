namespace Dashboard.Reports.Rendering;

/// <summary>Where headless Chromium is (configuration section "Rendering").</summary>
public sealed class RenderingOptions
{
    public const string SectionName = "Rendering";

    public const string DefaultChromiumPath = "/usr/bin/chromium";

    public string ChromiumPath { get; set; } = DefaultChromiumPath;
}

/// <summary>Server-side rendering cannot run: Chromium is missing or would not start. The message says what to do.</summary>
public sealed class RenderingUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
