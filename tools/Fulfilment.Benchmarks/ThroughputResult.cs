namespace Fulfilment.Benchmarks;

/// <summary>One throughput run: rate, conflict retries per success, give-ups, table requests per success.</summary>
internal sealed record ThroughputResult(int Products, int Concurrency, double PerSecond, double ConflictRetriesPerSuccess, long GaveUp, double RequestsPerSuccess);
