using Azure.Core;
using Azure.Identity;
using Fulfilment.Configuration;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.ApplicationInsights.WindowsServer.TelemetryChannel;
using Microsoft.ApplicationInsights.WorkerService;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Functions.Hosting;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Telemetry types adaptive sampling never drops (the SDK's type names, ';'-separated).</summary>
    public const string UnsampledTypes = "Trace;Exception;Event";

    private const double MaxSampledItemsPerSecond = 5;

    private const string ApplicationInsightsLoggerProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>
    /// Application Insights for the worker (its logs go straight to Application Insights, not through the host), at
    /// the levels host.json and the logging configuration set: the SDK's own Warning-only filter is removed, as the
    /// Functions worker samples do. Adaptive sampling keeps its rate for requests and dependencies but never drops
    /// traces or exceptions (<see cref="UnsampledTypes"/>): the CompensationFailed alert reads the workflow's log lines,
    /// so a sampled-out trace would be a missed alert. In Azure the component accepts Entra authentication only, so when
    /// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> asks for it the worker authenticates with the app's identity.
    /// </summary>
    public static IServiceCollection AddFulfilmentTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddApplicationInsightsTelemetryWorkerService(new ApplicationInsightsServiceOptions { EnableAdaptiveSampling = false });
        services.Configure<TelemetryConfiguration>(telemetry =>
        {
            var chain = telemetry.DefaultTelemetrySink.TelemetryProcessorChainBuilder;
            chain.UseAdaptiveSampling(MaxSampledItemsPerSecond, excludedTypes: UnsampledTypes);
            chain.Build();
        });
        services.ConfigureFunctionsApplicationInsights();
        services.Configure<LoggerFilterOptions>(options =>
        {
            var warningsOnly = options.Rules.FirstOrDefault(rule => rule.ProviderName == ApplicationInsightsLoggerProvider);
            if (warningsOnly is not null)
            {
                options.Rules.Remove(warningsOnly);
            }
        });

        if (TelemetryCredential(configuration[AppSettings.ApplicationInsightsAuthentication]) is { } credential)
        {
            services.Configure<TelemetryConfiguration>(telemetry => telemetry.SetAzureTokenCredential(credential));
        }

        return services;
    }

    /// <summary>
    /// The credential an authentication string (<c>Authorization=AAD</c>, optionally <c>ClientId=&lt;id&gt;</c> of a
    /// user-assigned identity) asks for; null when it asks for none.
    /// </summary>
    public static TokenCredential? TelemetryCredential(string? authenticationString)
    {
        var parts = (authenticationString ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Last()[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
