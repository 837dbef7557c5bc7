// Key Vault in RBAC mode holding the carrier secrets. The app reads them through Key Vault references (its
// identity holds Key Vault Secrets User); the values never appear in app settings, outputs or logs.
// A secret parameter left empty keeps whatever Key Vault already holds, so routine deployments need no secret
// at all and rotation happens in Key Vault (see docs/deploy.md).

@description('Name of the key vault (3-24 letters, digits and hyphens, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Purge protection: once on, it cannot be turned off and the vault name stays reserved for the retention period.')
param enablePurgeProtection bool

@description('Enabled, or Disabled: reachable only through private endpoints (network.bicep).')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string

@description('Shared secret the carrier signs its callbacks with (HMAC-SHA256). Empty keeps the current value.')
@secure()
param carrierCallbackSecret string

@description('API key Fulfilment sends to the carrier. Empty keeps the current value.')
@secure()
param carrierApiKey string

var callbackSecretName = 'carrier-callback-secret'
var apiKeySecretName = 'carrier-api-key'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      defaultAction: publicNetworkAccess == 'Enabled' ? 'Allow' : 'Deny'
      bypass: 'AzureServices'
    }
  }
}

resource callbackSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(carrierCallbackSecret)) {
  parent: vault
  name: callbackSecretName
  properties: {
    value: carrierCallbackSecret
    contentType: 'text/plain'
  }
}

resource apiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(carrierApiKey)) {
  parent: vault
  name: apiKeySecretName
  properties: {
    value: carrierApiKey
    contentType: 'text/plain'
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
output callbackSecretName string = callbackSecretName
output apiKeySecretName string = apiKeySecretName
