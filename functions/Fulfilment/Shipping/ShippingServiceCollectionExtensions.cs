using Fulfilment.Messaging;
using Fulfilment.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Fulfilment.Shipping;

public static class ShippingServiceCollectionExtensions
{
    /// <summary>
    /// The Shipping system: options (validated at start), the Shipments table, the handlers, the workflow's
    /// <see cref="ShipmentCancellation"/> and the carrier's typed HttpClient with its resilience pipeline. The host
    /// provides the <c>IMessagePublisher</c> and Table Storage (<c>AddTableStorage</c>).
    /// </summary>
    public static IServiceCollection AddShipping(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShippingOptions>()
            .Bind(configuration.GetSection(ShippingOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.CarrierAttemptTimeout <= o.CarrierTotalTimeout, "Shipping:CarrierAttemptTimeout must not exceed Shipping:CarrierTotalTimeout.")
            .Validate(o => ShippingOptions.IsAllowedCarrierBaseUrl(o.CarrierBaseUrl), ShippingOptions.CarrierBaseUrlRule)
            .Validate(o => o.PreviousCallbackSecret != o.CallbackSecret, "Shipping:PreviousCallbackSecret must differ from Shipping:CallbackSecret.")
            .Validate(
                o => !ShippingOptions.IsUnresolvedKeyVaultReference(o.CallbackSecret)
                     && !ShippingOptions.IsUnresolvedKeyVaultReference(o.PreviousCallbackSecret)
                     && !ShippingOptions.IsUnresolvedKeyVaultReference(o.CarrierApiKey),
                "A Shipping secret holds an unresolved Key Vault reference: the app cannot read the vault (check its identity and the secret).")
            .ValidateOnStart();
        services.AddTable("Shipping", ShipmentStore.TableName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ShipmentStore>();
        services.TryAddSingleton<ShipmentOutbox>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutbox, ShipmentOutbox>(provider => provider.GetRequiredService<ShipmentOutbox>()));
        services.TryAddSingleton<OutboxDrain>();
        services.TryAddSingleton<CarrierCallbackAuthenticator>();
        services.TryAddTransient<OrderReadyForShippingHandler>();
        services.TryAddTransient<CreateShipmentHandler>();
        services.TryAddTransient<CarrierCallbackHandler>();
        services.TryAddTransient<ShipmentCancellation>(); // transient, like the typed CarrierClient it holds

        var carrier = services.AddHttpClient<CarrierClient>((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<ShippingOptions>>().Value;
                client.BaseAddress = new Uri(options.CarrierBaseUrl.TrimEnd('/') + "/");
                client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts rule
            });
        // Never follow a redirect: HttpClient would resend the request, API key header included (only Authorization is
        // stripped), to wherever the Location points. A 3xx is a protocol error (CarrierClient), not a new address.
        carrier.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        carrier.AddResilienceHandler("carrier", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ShippingOptions>>().Value;
                pipeline
                    .AddTimeout(options.CarrierTotalTimeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.CarrierMaxRetries,
                        Delay = options.CarrierRetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    })
                    .AddTimeout(options.CarrierAttemptTimeout);
            });
        carrier.AddHttpMessageHandler(() => new CarrierResponseLimit()); // added last, so inside the pipeline: its timeouts cover the body
        return services;
    }
}
