using Dashboard.Benchmarks;

return await ImportBenchmark.RunAsync(args);
