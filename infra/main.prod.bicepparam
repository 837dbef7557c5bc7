// Production environment, for `az deployment group create --parameters infra/main.prod.bicepparam`.
// Premium Service Bus, zone-redundant storage, one warm instance for orchestrations, 90-day retention, purge
// protection on. The carrier's address has no default here: CARRIER_BASE_URL must be set. PUBLIC_NETWORK_ACCESS=Disabled
// closes storage, Key Vault and Service Bus behind private endpoints (then deploy from inside the network).
// Secrets are read from the deploying shell's environment; empty keeps what Key Vault already holds.
using 'main.bicep'

param environmentName = 'fulfilment-prod'
param serviceBusSku = 'Premium'
param serviceBusPremiumCapacity = 1
param storageSku = 'Standard_ZRS'
param instanceMemoryMB = 2048
param maximumInstanceCount = 200
param alwaysReadyDurableInstances = 1
param logRetentionInDays = 90
param keyVaultSoftDeleteRetentionInDays = 90
param keyVaultPurgeProtection = true

param carrierBaseUrl = readEnvironmentVariable('CARRIER_BASE_URL')
param carrierName = readEnvironmentVariable('CARRIER_NAME', 'ExampleCarrier')
param carrierCallbackSecret = readEnvironmentVariable('CARRIER_CALLBACK_SECRET', '')
param carrierCallbackPreviousSecretVersion = readEnvironmentVariable('CARRIER_CALLBACK_PREVIOUS_SECRET_VERSION', '')
param carrierApiKey = readEnvironmentVariable('CARRIER_API_KEY', '')

param operatorPrincipalId = readEnvironmentVariable('OPERATOR_PRINCIPAL_ID', '')
param publicNetworkAccess = readEnvironmentVariable('PUBLIC_NETWORK_ACCESS', 'Enabled')
param alertEmailAddress = readEnvironmentVariable('ALERT_EMAIL_ADDRESS', '')
param pickingFloorClientId = readEnvironmentVariable('PICKING_FLOOR_CLIENT_ID', '')
