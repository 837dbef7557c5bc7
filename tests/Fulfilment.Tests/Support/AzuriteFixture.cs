using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Fulfilment.Sandbox.Storage;
using Fulfilment.Storage;
using Microsoft.Extensions.Options;

namespace Fulfilment.Tests.Support;

/// <summary>
/// The one shared storage fixture: starts Azurite (in memory, free loopback port) once for the test run, or uses
/// the connection string in FULFILMENT_TEST_STORAGE. Each test class isolates itself with <see cref="NewTables"/>,
/// which gives a unique table prefix.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionStringVariable = "FULFILMENT_TEST_STORAGE";
    private AzuriteProcess? azurite;
    private int prefixCounter;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            return;
        }

        azurite = await AzuriteProcess.StartAsync();
        ConnectionString = azurite.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>A service client with optional extra pipeline policies (counters, fault injectors) after the retry policy.</summary>
    public TableServiceClient CreateServiceClient(params HttpPipelinePolicy[] perRetryPolicies) =>
        CreateServiceClient(maxRetries: 3, perRetryPolicies);

    public TableServiceClient CreateServiceClient(int maxRetries, params HttpPipelinePolicy[] perRetryPolicies)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        foreach (var policy in perRetryPolicies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return new TableServiceClient(ConnectionString, options);
    }

    /// <summary>A table factory with a fresh, unique prefix: tables made through it belong to the caller alone.</summary>
    public TableClientFactory NewTables(params HttpPipelinePolicy[] perRetryPolicies) =>
        NewTables(CreateServiceClient(perRetryPolicies));

    public TableClientFactory NewTables(TableServiceClient service)
    {
        var prefix = "t" + Interlocked.Increment(ref prefixCounter).ToString(System.Globalization.CultureInfo.InvariantCulture)
                     + Guid.NewGuid().ToString("N")[..8];
        return new TableClientFactory(service, Options.Create(new StorageOptions { TablePrefix = prefix }));
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
