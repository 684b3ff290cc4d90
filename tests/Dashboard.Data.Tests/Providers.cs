using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>The providers a data-layer test runs on: each such test class runs whole on SQLite and on PostgreSQL.</summary>
public static class Providers
{
    public static TheoryData<string> Both => [.. ProviderDatabase.Both];
}
