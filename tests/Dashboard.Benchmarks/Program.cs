using Dashboard.Benchmarks;

// `engine [small|large]`: the metrics engine against DuckDB and SQLite (docs/benchmarks.md).
// `import [small|large]`, or no command: the import benchmark (README "Benchmarks").
return args.FirstOrDefault()?.ToLowerInvariant() switch
{
    "engine" => await EngineBenchmark.RunAsync(args[1..]),
    "import" => await ImportBenchmark.RunAsync(args[1..]),
    _ => await ImportBenchmark.RunAsync(args),
};
