// Fulfilment: everything one environment needs, in one resource group. Each module does one job; this file
// declares the parameters, names the resources, passes the Service Bus topology and the domain tables (literal
// lists a test compares with Fulfilment.Contracts.Topology and the core's table registrations), and sets
// exactly the app settings the app reads (compared with Fulfilment.Configuration.AppSettings).
targetScope = 'resourceGroup'

// ==== Environment ====

@description('Environment name (azd environment, e.g. fulfilment-dev). Seeds the resource names and tags.')
@minLength(1)
@maxLength(40)
param environmentName string

@description('Azure region of every resource. Must offer the Flex Consumption plan.')
param location string = resourceGroup().location

@description('Durable Functions task hub (letters and digits, 3-45, starting with a letter). Unique per app and environment.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'fulfilment${uniqueString(resourceGroup().id, environmentName)}'

// ==== Sizing ====

@description('Service Bus tier: Standard (shared capacity) or Premium (dedicated messaging units).')
@allowed([
  'Standard'
  'Premium'
])
param serviceBusSku string = 'Standard'

@description('Messaging units when serviceBusSku is Premium.')
@allowed([
  1
  2
  4
  8
  16
])
param serviceBusPremiumCapacity int = 1

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Memory per Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Maximum Function App instances (Flex Consumption scale-out limit).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Instances kept warm for orchestrations and activities (0: scale from zero).')
@minValue(0)
@maxValue(20)
param alwaysReadyDurableInstances int = 0

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Days a deleted key vault or secret stays recoverable.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 7

@description('Key Vault purge protection: a deleted vault or secret cannot be purged before its retention ends (irreversible once on). Off only for throwaway environments.')
param keyVaultPurgeProtection bool = true

// ==== Messaging ====

@description('Peek-lock duration of queues and subscriptions (ISO 8601, at most PT5M).')
param serviceBusLockDuration string = 'PT1M'

@description('Deliveries of a message before Service Bus dead-letters it.')
@minValue(1)
@maxValue(100)
param serviceBusMaxDeliveryCount int = 10

@description('Duplicate detection window: a repeated MessageId within it is dropped (ISO 8601).')
param serviceBusDuplicateDetectionWindow string = 'PT10M'

@description('Message time to live; an expired message is dead-lettered (ISO 8601).')
param serviceBusMessageTimeToLive string = 'P14D'

// ==== Application ====

@description('Carrier API base address; create-shipment is POST {carrierBaseUrl}/shipments.')
@minLength(8)
param carrierBaseUrl string

@description('Carrier name written into create-shipment and shipments.')
@minLength(1)
@maxLength(64)
param carrierName string

@description('Shared secret the carrier signs callbacks with (16+ characters). Empty keeps the value Key Vault holds; required on the first deployment.')
@secure()
param carrierCallbackSecret string = ''

@description('Version id of the callback secret being rotated out, still accepted while the carrier switches (empty: no rotation under way).')
param carrierCallbackPreviousSecretVersion string = ''

@description('API key Fulfilment sends to the carrier. Empty keeps the value Key Vault holds; required on the first deployment.')
@secure()
param carrierApiKey string = ''

@description('How long a reservation not linked to an order is held (d.hh:mm:ss).')
param reservationTtl string = '00:30:00'

@description('When the outbox drain timer runs (NCRONTAB with seconds): publishes what a handler wrote but did not publish.')
param outboxDrainSchedule string = '0 * * * * *'

@description('Wait for order-packed before the workflow gives up (d.hh:mm:ss).')
param pickingTimeout string = '2.00:00:00'

@description('Wait for shipment-created before the workflow gives up (d.hh:mm:ss).')
param shipmentCreationTimeout string = '1.00:00:00'

@description('Wait for shipment-delivered before the workflow gives up (d.hh:mm:ss).')
param deliveryTimeout string = '30.00:00:00'

// ==== Access ====

@description('Public network access to storage, Key Vault and Service Bus. Disabled: the app reaches them through private endpoints in a virtual network this template creates (needs serviceBusSku Premium), and whoever deploys the app package or sets secrets must be inside that network. Enabled by default so that a first deployment from a laptop or a hosted CI runner works; every data service still requires Entra ID (no keys).')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Enabled'

@description('Address space of the private network when publicNetworkAccess is Disabled (a /22 or larger).')
param privateNetworkAddressPrefix string = '10.40.0.0/22'

@description('E-mail address that gets the alerts (dead-lettered messages, CompensationFailed). Empty: the alerts fire in the portal only.')
param alertEmailAddress string = ''

@description('Object id of a user or group that may set and rotate the carrier secrets (Key Vault Secrets Officer). Empty: nobody.')
param operatorPrincipalId string = ''

@description('Kind of principal operatorPrincipalId is.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Application (client) id of the Entra app registration of the Fulfilment API (docs/warehouse.md). Empty: no App Service authentication, and the picking floor refuses every call (401).')
param pickingFloorClientId string = ''

@description('Directory (tenant) id of that app registration.')
param pickingFloorTenantId string = tenant().tenantId

@description('Audiences the picking floor accepts tokens for. Empty: api://<pickingFloorClientId>.')
param pickingFloorAllowedAudiences array = []

// ==== Names ====

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var privateNetwork = publicNetworkAccess == 'Disabled'
var tags = {
  'azd-env-name': environmentName
  workload: 'fulfilment'
}
var names = {
  identity: 'id-fulfil-${token}'
  logAnalytics: 'log-fulfil-${token}'
  applicationInsights: 'appi-fulfil-${token}'
  storage: 'stfulfil${token}'
  serviceBus: 'sb-fulfil-${token}'
  keyVault: 'kv-fulfil-${token}'
  plan: 'plan-fulfil-${token}'
  functionApp: 'func-fulfil-${token}'
  network: 'vnet-fulfil-${token}'
  deploymentContainer: 'app-package'
}

// ==== Resources ====

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    skuName: storageSku
    publicNetworkAccess: publicNetworkAccess
    deploymentContainerName: names.deploymentContainer
    // Exactly the tables the core registers with services.AddTable (test: TablesInBicepTests).
    tableNames: [
      'Inventory'
      'PickingJobs'
      'Shipments'
    ]
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    name: names.serviceBus
    location: location
    tags: tags
    // Private endpoints exist on Premium only: a closed namespace on Standard would leave the app cut off.
    skuName: privateNetwork && serviceBusSku != 'Premium'
      ? fail('publicNetworkAccess Disabled needs serviceBusSku Premium (Service Bus private endpoints are Premium only).')
      : serviceBusSku
    publicNetworkAccess: publicNetworkAccess
    premiumCapacity: serviceBusPremiumCapacity
    lockDuration: serviceBusLockDuration
    maxDeliveryCount: serviceBusMaxDeliveryCount
    duplicateDetectionWindow: serviceBusDuplicateDetectionWindow
    messageTimeToLive: serviceBusMessageTimeToLive
    // Exactly Fulfilment.Contracts.Topology (test: TopologyInBicepTests).
    queues: [
      'reserve-inventory'
      'release-inventory'
      'create-shipment'
    ]
    topics: [
      'inventory-reserved'
      'inventory-unavailable'
      'order-completed'
      'order-cancelled'
      'order-packed'
      'order-short-picked'
      'order-ready-for-shipping'
      'shipment-created'
      'shipment-delivered'
      'shipment-failed'
      'shipment-rejected'
      'fulfilment-failed'
      'fulfilment-cancelled'
      'order-cancellation-refused'
      'fulfilment-reconciled'
    ]
    subscriptions: [
      { topic: 'order-completed', name: 'fulfilment' }
      { topic: 'order-cancelled', name: 'fulfilment' }
      { topic: 'order-packed', name: 'workflow' }
      { topic: 'order-short-picked', name: 'workflow' }
      { topic: 'order-ready-for-shipping', name: 'shipping' }
      { topic: 'shipment-created', name: 'workflow' }
      { topic: 'shipment-delivered', name: 'workflow' }
      { topic: 'shipment-failed', name: 'workflow' }
      { topic: 'shipment-rejected', name: 'workflow' }
    ]
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.keyVault
    location: location
    tags: tags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    enablePurgeProtection: keyVaultPurgeProtection
    publicNetworkAccess: publicNetworkAccess
    carrierCallbackSecret: carrierCallbackSecret
    carrierApiKey: carrierApiKey
  }
}

module appRoles 'modules/app-roles.bicep' = {
  name: 'app-roles'
  dependsOn: [
    identity
    storage
    serviceBus
    keyVault
    monitoring
  ]
  params: {
    identityName: names.identity
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
    storageAccountName: names.storage
    serviceBusNamespaceName: names.serviceBus
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    // Exactly Topology.PublishedQueues and Topology.PublishedTopics (test: ServiceBusRolesInBicepTests): the
    // entities above minus ordering's own (reserve-inventory, release-inventory, order-completed, order-cancelled).
    sendQueues: [
      'create-shipment'
    ]
    sendTopics: [
      'inventory-reserved'
      'inventory-unavailable'
      'order-packed'
      'order-short-picked'
      'order-ready-for-shipping'
      'shipment-created'
      'shipment-delivered'
      'shipment-failed'
      'shipment-rejected'
      'fulfilment-failed'
      'fulfilment-cancelled'
      'order-cancellation-refused'
      'fulfilment-reconciled'
    ]
  }
}

// Only with public network access Disabled: the app's subnet, a NAT gateway and the private endpoints.
module network 'modules/network.bicep' = if (privateNetwork) {
  name: 'network'
  dependsOn: [
    storage
    serviceBus
    keyVault
  ]
  params: {
    name: names.network
    location: location
    tags: tags
    addressPrefix: privateNetworkAddressPrefix
    endpoints: [
      {
        name: 'blob'
        resourceType: 'Microsoft.Storage/storageAccounts'
        resourceName: names.storage
        groupId: 'blob'
        dnsZone: 'privatelink.blob.${environment().suffixes.storage}'
      }
      {
        name: 'queue'
        resourceType: 'Microsoft.Storage/storageAccounts'
        resourceName: names.storage
        groupId: 'queue'
        dnsZone: 'privatelink.queue.${environment().suffixes.storage}'
      }
      {
        name: 'table'
        resourceType: 'Microsoft.Storage/storageAccounts'
        resourceName: names.storage
        groupId: 'table'
        dnsZone: 'privatelink.table.${environment().suffixes.storage}'
      }
      {
        name: 'vault'
        resourceType: 'Microsoft.KeyVault/vaults'
        resourceName: names.keyVault
        groupId: 'vault'
        dnsZone: 'privatelink.vaultcore.azure.net'
      }
      {
        name: 'servicebus'
        resourceType: 'Microsoft.ServiceBus/namespaces'
        resourceName: names.serviceBus
        groupId: 'namespace'
        dnsZone: 'privatelink.servicebus.windows.net'
      }
    ]
  }
}

var keyVaultReference = '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName='

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  // The app resolves Key Vault references and opens its triggers at start: grant its roles first.
  dependsOn: [
    appRoles
  ]
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    deploymentBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: names.deploymentContainer
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyDurableInstances: alwaysReadyDurableInstances
    virtualNetworkSubnetId: privateNetwork ? network!.outputs.appSubnetId : ''
    // Every setting the app reads (Fulfilment.Configuration.AppSettings; test: AppSettingsInBicepTests). Connections are
    // identity-based: <name>__<endpoint> + credential + clientId, never a connection string or key.
    appSettings: {
      AzureWebJobsStorage__accountName: storage.outputs.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.outputs.clientId
      ServiceBus__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
      ServiceBus__credential: 'managedidentity'
      ServiceBus__clientId: identity.outputs.clientId
      Tables__endpoint: storage.outputs.tableEndpoint
      Tables__credential: 'managedidentity'
      Tables__clientId: identity.outputs.clientId
      AZURE_CLIENT_ID: identity.outputs.clientId
      TaskHubName: taskHubName
      OutboxDrainSchedule: outboxDrainSchedule
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
      Storage__TablePrefix: ''
      Inventory__ReservationTtl: reservationTtl
      Inventory__ExpiryBatchSize: '100'
      Warehouse__DefaultPageSize: '20'
      Warehouse__MaxPageSize: '100'
      Warehouse__PickerRole: 'Warehouse.Picker'
      Warehouse__SupervisorRole: 'Warehouse.Supervisor'
      // Believed only when App Service authentication (module authentication) strips and sets X-MS-CLIENT-PRINCIPAL.
      Warehouse__TrustClientPrincipal: pickingFloorAuthentication ? 'true' : 'false'
      Shipping__CarrierBaseUrl: carrierBaseUrl
      Shipping__CarrierApiKey: '${keyVaultReference}${keyVault.outputs.apiKeySecretName})'
      Shipping__CarrierApiKeyHeader: 'X-Api-Key'
      Shipping__CarrierName: carrierName
      Shipping__DefaultService: 'Standard'
      Shipping__CallbackSecret: '${keyVaultReference}${keyVault.outputs.callbackSecretName})'
      Shipping__PreviousCallbackSecret: empty(carrierCallbackPreviousSecretVersion)
        ? ''
        : '${keyVaultReference}${keyVault.outputs.callbackSecretName};SecretVersion=${carrierCallbackPreviousSecretVersion})'
      Shipping__CallbackTolerance: '00:05:00'
      Shipping__CarrierAttemptTimeout: '00:00:10'
      Shipping__CarrierTotalTimeout: '00:00:45'
      Shipping__CarrierMaxRetries: '3'
      Shipping__CarrierRetryDelay: '00:00:01'
      Workflow__PickingTimeout: pickingTimeout
      Workflow__ShipmentCreationTimeout: shipmentCreationTimeout
      Workflow__DeliveryTimeout: deliveryTimeout
      Workflow__StepMaxAttempts: '5'
      Workflow__CompensationMaxAttempts: '10'
      Workflow__FirstRetryInterval: '00:00:05'
      Workflow__BackoffCoefficient: '2.0'
      Workflow__HistoryRetention: '90.00:00:00'
    }
  }
}

// Entra ID in front of the picking floor; the callback, stock and status routes keep their own authentication.
var pickingFloorAuthentication = !empty(pickingFloorClientId)

module authentication 'modules/authentication.bicep' = if (pickingFloorAuthentication) {
  name: 'authentication'
  dependsOn: [
    functionApp
  ]
  params: {
    functionAppName: names.functionApp
    clientId: pickingFloorClientId
    tenantId: pickingFloorTenantId
    allowedAudiences: empty(pickingFloorAllowedAudiences) ? ['api://${pickingFloorClientId}'] : pickingFloorAllowedAudiences
    excludedPaths: [
      '/api/carrier/events'
      '/api/stock/*'
      '/api/fulfilments/*'
    ]
  }
}

module diagnostics 'modules/diagnostics.bicep' = {
  name: 'diagnostics'
  dependsOn: [
    keyVault
    serviceBus
    functionApp
  ]
  params: {
    workspaceId: monitoring.outputs.workspaceId
    keyVaultName: names.keyVault
    serviceBusNamespaceName: names.serviceBus
    functionAppName: names.functionApp
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    tags: tags
    nameSuffix: token
    serviceBusNamespaceId: serviceBus.outputs.id
    workspaceId: monitoring.outputs.workspaceId
    alertEmailAddress: alertEmailAddress
  }
}

// ==== Outputs: names, ids and endpoints only (azd stores them in the environment). ====

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup().name
output FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_HOST_NAME string = functionApp.outputs.hostName
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output SERVICE_BUS_NAMESPACE string = serviceBus.outputs.name
output SERVICE_BUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output KEY_VAULT_NAME string = keyVault.outputs.name
output KEY_VAULT_URI string = keyVault.outputs.uri
output APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output TASK_HUB_NAME string = taskHubName
@description('The app\'s one outbound address when publicNetworkAccess is Disabled (for the carrier\'s allow-list); empty otherwise.')
output OUTBOUND_IP_ADDRESS string = privateNetwork ? network!.outputs.outboundIpAddress : ''

