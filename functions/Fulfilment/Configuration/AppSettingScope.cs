namespace Fulfilment.Configuration;

/// <summary>Where an app setting is set.</summary>
public enum AppSettingScope
{
    /// <summary>In Azure (by the Bicep) and locally (local.settings.json).</summary>
    Everywhere,

    /// <summary>Only in Azure: identity and telemetry settings that have no local meaning.</summary>
    AzureOnly,

    /// <summary>Only locally: settings the Flex Consumption plan takes from its own configuration instead.</summary>
    LocalOnly,
}
