using System.Text.Json.Nodes;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Storage;
using Fulfilment.Storage;
using Fulfilment.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Fulfilment.Functions.Tests.Support;

/// <summary>
/// The Function App's services exactly as <see cref="Program.AddServices"/> builds them, configured from the
/// repository's local.settings.sample.json, validated as at start, on fresh Azurite tables (a unique table prefix),
/// with two stand-ins the app cannot have here: a <see cref="RecordingPublisher"/> for Service Bus and a
/// <see cref="FakeTimeProvider"/> for the clock. Function classes are created from it as the worker creates them.
/// </summary>
public sealed class FunctionAppHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2030, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider provider;

    private FunctionAppHost(ServiceProvider provider) => this.provider = provider;

    public RecordingPublisher Publisher => Get<RecordingPublisher>();

    public FakeTimeProvider Clock => Get<FakeTimeProvider>();

    public TableClientFactory Tables => Get<TableClientFactory>();

    /// <summary>The container itself, for what resolves from it as the worker does (the workflow's steps on the Durable engine).</summary>
    public IServiceProvider Services => provider;

    /// <summary>The app's services; the clock starts at <paramref name="clockStart"/> (default <see cref="Start"/>).</summary>
    public static async Task<FunctionAppHost> StartAsync(
        AzuriteFixture azurite, IDictionary<string, string?>? overrides = null, DateTimeOffset? clockStart = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var settings = SampleSettings();
        settings["Tables"] = azurite.ConnectionString;
        settings["Storage:TablePrefix"] = "f" + Guid.NewGuid().ToString("N")[..12];
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var clock = new FakeTimeProvider(clockStart ?? Start);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(clock)
            .AddSingleton<TimeProvider>(clock);
        Program.AddServices(services, configuration)
            .AddSingleton<RecordingPublisher>()
            .AddSingleton<IMessagePublisher>(p => p.GetRequiredService<RecordingPublisher>());
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        await provider.GetServices<IHostedService>().OfType<TableBootstrapper>().Single().StartAsync(CancellationToken.None);
        return new FunctionAppHost(provider);
    }

    /// <summary>The sample's values as configuration keys (<c>Inventory__ReservationTtl</c> → <c>Inventory:ReservationTtl</c>).</summary>
    public static Dictionary<string, string?> SampleSettings()
    {
        var path = Path.Combine(AzuriteProcess.FindRepositoryRoot(), "local.settings.sample.json");
        var values = JsonNode.Parse(File.ReadAllText(path))!["Values"]!.AsObject();
        return values.ToDictionary(
            p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
    }

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    /// <summary>A function class, created the way the worker creates it (constructor injection from the app's services).</summary>
    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(provider);

    /// <inheritdoc cref="Function{T}"/>
    public object Function(Type functionClass) => ActivatorUtilities.CreateInstance(provider, functionClass);

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
