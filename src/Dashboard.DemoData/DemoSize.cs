namespace Dashboard.DemoData;

/// <summary>Small seeds the app (about a million rows); Large is the same generator for benchmarks (over ten million).</summary>
public enum DemoSize
{
    Small,
    Large,
}
