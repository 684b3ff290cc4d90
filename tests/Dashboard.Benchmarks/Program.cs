using Dashboard.Benchmarks;

// `engine [small|large]`: the metrics engine against DuckDB and SQLite (docs/benchmarks.md).
// `attribution [small|large]`: the attribution models against a read-only pass over the journeys.
// `planner [small|large]`: the budget planner's fit, scenario and optimiser, with MathNet's own LM as the fit's peer.
// `import [small|large]`, or no command: the import benchmark (README "Benchmarks").
// `import-scale [rows …]`: a micro_conversions file of 1 M and 5 M rows, throughput and peak working set.
// `pack [small|large]`: a 20-chart business review deck and report, against Chromium drawing the same figures alone.
// `postgres [small|large]`: the snapshot loaded from PostgreSQL against SQLite, and the SQLite → PostgreSQL copy.
// `postgres-import`: 1 M micro_conversions rows imported into PostgreSQL against the same file into SQLite.
return args.FirstOrDefault()?.ToLowerInvariant() switch
{
    "engine" => await EngineBenchmark.RunAsync(args[1..]),
    "attribution" => await AttributionBenchmark.RunAsync(args[1..]),
    "import" => await ImportBenchmark.RunAsync(args[1..]),
    "import-scale" => await ImportScaleBenchmark.RunAsync(args[1..]),
    "import-one" => await ImportScaleBenchmark.ImportOneAsync(args[1..]),
    "planner" => await PlannerBenchmark.RunAsync(args[1..]),
    "pack" => await PackBenchmark.RunAsync(args[1..]),
    "postgres" => await PostgresBenchmark.RunAsync(args[1..]),
    "postgres-import" => await PostgresImportBenchmark.RunAsync(),
    _ => await ImportBenchmark.RunAsync(args),
};
