// Parameters for `azd up` / `azd provision`: azd exports its environment (azd env set NAME value) to the
// compiler, so every value here comes from an environment variable. Defaults are the dev sizing; for a
// production azd environment set the variables listed in docs/deploy.md.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME')
param serviceBusSku = readEnvironmentVariable('SERVICE_BUS_SKU', 'Standard')
param storageSku = readEnvironmentVariable('STORAGE_SKU', 'Standard_LRS')
param maximumInstanceCount = int(readEnvironmentVariable('MAXIMUM_INSTANCE_COUNT', '100'))
param alwaysReadyDurableInstances = int(readEnvironmentVariable('ALWAYS_READY_DURABLE_INSTANCES', '0'))
param logRetentionInDays = int(readEnvironmentVariable('LOG_RETENTION_IN_DAYS', '30'))
param keyVaultSoftDeleteRetentionInDays = int(readEnvironmentVariable('KEY_VAULT_SOFT_DELETE_RETENTION_IN_DAYS', '7'))
param keyVaultPurgeProtection = bool(readEnvironmentVariable('KEY_VAULT_PURGE_PROTECTION', 'true'))

param carrierBaseUrl = readEnvironmentVariable('CARRIER_BASE_URL', 'https://sandbox.carrier.example.com/api')
param carrierName = readEnvironmentVariable('CARRIER_NAME', 'ExampleCarrier')
param carrierCallbackSecret = readEnvironmentVariable('CARRIER_CALLBACK_SECRET', '')
param carrierCallbackPreviousSecretVersion = readEnvironmentVariable('CARRIER_CALLBACK_PREVIOUS_SECRET_VERSION', '')
param carrierApiKey = readEnvironmentVariable('CARRIER_API_KEY', '')

param operatorPrincipalId = readEnvironmentVariable('OPERATOR_PRINCIPAL_ID', '')
param operatorPrincipalType = readEnvironmentVariable('OPERATOR_PRINCIPAL_TYPE', 'User')
param publicNetworkAccess = readEnvironmentVariable('PUBLIC_NETWORK_ACCESS', 'Enabled')
param alertEmailAddress = readEnvironmentVariable('ALERT_EMAIL_ADDRESS', '')
param pickingFloorClientId = readEnvironmentVariable('PICKING_FLOOR_CLIENT_ID', '')
