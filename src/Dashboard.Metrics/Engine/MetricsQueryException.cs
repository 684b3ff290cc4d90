namespace Dashboard.Metrics.Engine;

/// <summary>A question the engine cannot answer as asked (unknown measure or key, too many groups); the message says why.</summary>
public sealed class MetricsQueryException(string message) : Exception(message);
