using Dashboard.BrowserBenchmarks;

// `[small|large] [--cold N] [--warm N] [--changes N] [--memory-changes N]`: the dashboards in Chromium
// (docs/benchmarks.md "Dashboards in the browser").
// The app host finds its content root from the runner's folder.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
return await BrowserBenchmark.RunAsync(args);
