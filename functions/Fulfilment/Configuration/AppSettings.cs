using System.Reflection;

namespace Fulfilment.Configuration;

/// <summary>
/// Every app setting the Function App reads, named once: the host's own (storage, client connections, task hub,
/// telemetry) and one key per settable property of each options class (<c>&lt;Section&gt;__&lt;Property&gt;</c>).
/// The Bicep sets them, local.settings.sample.json lists them, and the infra tests compare the three.
/// </summary>
public static class AppSettings
{
    /// <summary>Host storage of the Functions runtime and of Durable Functions (Azure Storage backend).</summary>
    public const string HostStorage = "AzureWebJobsStorage";

    /// <summary>
    /// Service Bus connection of every trigger (<c>Connection = AppSettings.ServiceBusConnection</c>) and of the
    /// sender (Microsoft.Extensions.Azure <c>AddServiceBusClient(configuration.GetSection(...))</c>: the section's
    /// keys match the client's constructor, <c>fullyQualifiedNamespace</c>).
    /// </summary>
    public const string ServiceBusConnection = "ServiceBus";

    /// <summary>
    /// Connection of the domain tables' <c>TableServiceClient</c> (Microsoft.Extensions.Azure
    /// <c>AddTableServiceClient(configuration.GetSection(...))</c>: a connection string locally, <c>endpoint</c> +
    /// <c>credential</c> + <c>clientId</c> in Azure).
    /// </summary>
    public const string TablesConnection = "Tables";

    /// <summary>Durable Functions task hub name; host.json reads it as <c>%TaskHubName%</c>.</summary>
    public const string TaskHubName = "TaskHubName";

    /// <summary>
    /// NCRONTAB (with seconds) of the outbox drain timer; the trigger reads it as <c>%OutboxDrainSchedule%</c>.
    /// Default everywhere: <see cref="DefaultOutboxDrainSchedule"/>.
    /// </summary>
    public const string OutboxDrainSchedule = "OutboxDrainSchedule";

    /// <summary>Every minute, at second 0.</summary>
    public const string DefaultOutboxDrainSchedule = "0 * * * * *";

    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Entra authentication of telemetry (local authentication is disabled on the component).</summary>
    public const string ApplicationInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The user-assigned identity <c>DefaultAzureCredential</c> picks in Azure.</summary>
    public const string ManagedIdentityClientId = "AZURE_CLIENT_ID";

    /// <summary>Local only: Flex Consumption takes the runtime from the app's configuration and rejects this setting.</summary>
    public const string WorkerRuntime = "FUNCTIONS_WORKER_RUNTIME";

    /// <summary>The host's settings.</summary>
    public static IReadOnlyList<AppSetting> Host { get; } =
    [
        AppSetting.Connection(HostStorage, "accountName"),
        AppSetting.Connection(ServiceBusConnection, "fullyQualifiedNamespace"),
        AppSetting.Connection(TablesConnection, "endpoint"),
        AppSetting.Value(TaskHubName),
        AppSetting.Value(OutboxDrainSchedule),
        AppSetting.Value(ApplicationInsightsConnectionString, AppSettingScope.AzureOnly),
        AppSetting.Value(ApplicationInsightsAuthentication, AppSettingScope.AzureOnly),
        AppSetting.Value(ManagedIdentityClientId, AppSettingScope.AzureOnly),
        AppSetting.Value(WorkerRuntime, AppSettingScope.LocalOnly),
    ];

    /// <summary>The keys of every options class of the core (a public <c>*Options</c> class with a <c>Section</c> constant).</summary>
    public static IReadOnlyList<AppSetting> Options { get; } =
        OptionsTypes(typeof(AppSettings).Assembly).SelectMany(KeysOf).Select(key => AppSetting.Value(key)).ToList();

    /// <summary>Host settings followed by options keys.</summary>
    public static IReadOnlyList<AppSetting> All { get; } = [.. Host, .. Options];

    /// <summary>Options classes: public, named <c>*Options</c>, with a <c>public const string Section</c>.</summary>
    public static IEnumerable<Type> OptionsTypes(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetExportedTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal) && SectionOf(t) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
    }

    /// <summary>
    /// App setting keys of one options class: <c>Section__Property</c> for each public settable property, nested
    /// classes flattened with further <c>__</c>. A collection property has no fixed key set and is rejected.
    /// </summary>
    public static IReadOnlyList<string> KeysOf(Type optionsType)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        var section = SectionOf(optionsType)
            ?? throw new ArgumentException($"{optionsType.Name} has no public const string Section.", nameof(optionsType));
        var keys = new List<string>();
        AddKeys(section.Replace(":", "__", StringComparison.Ordinal), optionsType, keys);
        return keys;
    }

    private static string? SectionOf(Type type) =>
        type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
            ? field.GetRawConstantValue() as string
            : null;

    private static void AddKeys(string prefix, Type type, List<string> keys)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.SetMethod is { IsPublic: true })
            .OrderBy(p => p.MetadataToken);
        foreach (var property in properties)
        {
            var key = $"{prefix}__{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType))
            {
                keys.Add(key);
            }
            else if (typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType))
            {
                throw new NotSupportedException($"{type.Name}.{property.Name} is a collection: app settings need a fixed set of keys.");
            }
            else
            {
                AddKeys(key, propertyType, keys);
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid) || type == typeof(Uri);
}
