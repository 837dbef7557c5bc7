namespace Fulfilment.Configuration;

/// <summary>
/// One app setting the Function App reads. A connection (<see cref="IdentityEndpoint"/> set) is a prefix: locally
/// its own key holds a connection string; in Azure it is identity-based, configured by
/// <c>&lt;Name&gt;__&lt;IdentityEndpoint&gt;</c>, <c>&lt;Name&gt;__credential</c> and <c>&lt;Name&gt;__clientId</c>.
/// </summary>
public sealed record AppSetting(string Name, AppSettingScope Scope, string? IdentityEndpoint)
{
    public const string CredentialKey = "credential";
    public const string ClientIdKey = "clientId";

    /// <summary>A plain value.</summary>
    public static AppSetting Value(string name, AppSettingScope scope = AppSettingScope.Everywhere) => new(name, scope, null);

    /// <summary>A client connection, identity-based in Azure (e.g. endpoint "fullyQualifiedNamespace").</summary>
    public static AppSetting Connection(string name, string identityEndpoint) =>
        new(name, AppSettingScope.Everywhere, identityEndpoint);

    public bool IsConnection => IdentityEndpoint is not null;

    /// <summary>The keys an identity-based connection needs in Azure; empty for a plain value.</summary>
    public IReadOnlyList<string> IdentityKeys =>
        IsConnection ? [$"{Name}__{IdentityEndpoint}", $"{Name}__{CredentialKey}", $"{Name}__{ClientIdKey}"] : [];

    /// <summary>True when <paramref name="key"/> configures this setting (for a connection, also any sub-key).</summary>
    public bool IsSetBy(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key == Name || (IsConnection && key.StartsWith(Name + "__", StringComparison.Ordinal));
    }

    /// <summary>True when the setting is expected in Azure (<paramref name="inAzure"/>) or locally.</summary>
    public bool AppliesTo(bool inAzure) =>
        Scope == AppSettingScope.Everywhere || Scope == (inAzure ? AppSettingScope.AzureOnly : AppSettingScope.LocalOnly);
}
