// Development environment, for `az deployment group create --parameters infra/main.dev.bicepparam`.
// Small and cheap: Standard Service Bus, LRS storage, scale from zero, short retention, open network. Purge
// protection is off here only: a dev environment is thrown away and recreated under the same names.
// Secrets are read from the deploying shell's environment; empty keeps what Key Vault already holds.
using 'main.bicep'

param environmentName = 'fulfilment-dev'
param serviceBusSku = 'Standard'
param storageSku = 'Standard_LRS'
param instanceMemoryMB = 2048
param maximumInstanceCount = 100
param alwaysReadyDurableInstances = 0
param logRetentionInDays = 30
param keyVaultSoftDeleteRetentionInDays = 7
param keyVaultPurgeProtection = false

param carrierBaseUrl = readEnvironmentVariable('CARRIER_BASE_URL', 'https://sandbox.carrier.example.com/api')
param carrierName = 'ExampleCarrier'
param carrierCallbackSecret = readEnvironmentVariable('CARRIER_CALLBACK_SECRET', '')
param carrierCallbackPreviousSecretVersion = readEnvironmentVariable('CARRIER_CALLBACK_PREVIOUS_SECRET_VERSION', '')
param carrierApiKey = readEnvironmentVariable('CARRIER_API_KEY', '')

param operatorPrincipalId = readEnvironmentVariable('OPERATOR_PRINCIPAL_ID', '')
param publicNetworkAccess = 'Enabled'
param alertEmailAddress = readEnvironmentVariable('ALERT_EMAIL_ADDRESS', '')
param pickingFloorClientId = readEnvironmentVariable('PICKING_FLOOR_CLIENT_ID', '')
