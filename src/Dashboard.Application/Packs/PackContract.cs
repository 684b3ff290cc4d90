namespace Dashboard.Application.Packs;

/// <summary>The files a review pack is made as.</summary>
public static class PackFormats
{
    public static IReadOnlyList<string> All { get; } = ["pptx", "pdf"];
}

/// <summary>A made pack: its bytes, the name to download it under and its content type.</summary>
public sealed record PackFile(byte[] Bytes, string FileName, string ContentType);

/// <summary>How far a pack has got: what it is doing, and how many of its steps are done.</summary>
public sealed record PackProgress(string Step, int Done, int Total);

/// <summary>A request names a chart no page has; the message lists the ones there are.</summary>
public sealed class UnknownChartException(string message) : Exception(message);

/// <summary>Server-side rendering cannot run: Chromium is missing or would not start. The message says what to do.</summary>
public sealed class RenderingUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
