// The Service Bus namespace with Fulfilment's topology: command queues, one topic per event and one subscription
// per consumer inside Fulfilment (main.bicep passes exactly Fulfilment.Contracts.Topology; a test compares).
// Duplicate detection is on everywhere (outgoing MessageIds are deterministic), a message that fails
// maxDeliveryCount times or expires is dead-lettered, and SAS (local) authentication is disabled.

@description('Name of the Service Bus namespace (6-50 characters, globally unique).')
@minLength(6)
@maxLength(50)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the namespace.')
param tags object

@description('Service Bus tier. Topics need Standard or Premium.')
@allowed([
  'Standard'
  'Premium'
])
param skuName string

@description('Messaging units (Premium only; ignored for Standard).')
@allowed([
  1
  2
  4
  8
  16
])
param premiumCapacity int

@description('Enabled, or Disabled: reachable only through private endpoints (network.bicep; Premium only).')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string

@description('Command queues.')
param queues string[]

@description('Event topics, one per message name.')
param topics string[]

@description('Subscriptions, each on one of the topics above.')
param subscriptions subscriptionSpec[]

@description('Peek-lock duration of queues and subscriptions (ISO 8601, at most PT5M).')
param lockDuration string

@description('Deliveries before a message is dead-lettered.')
@minValue(1)
@maxValue(2000)
param maxDeliveryCount int

@description('Window in which a repeated MessageId is dropped (ISO 8601, PT20S to P7D).')
param duplicateDetectionWindow string

@description('Time a message may wait before it expires and is dead-lettered (ISO 8601).')
param messageTimeToLive string

@description('One subscription on one topic.')
type subscriptionSpec = {
  @description('Topic the subscription belongs to.')
  topic: string

  @description('Subscription name (the consuming part of Fulfilment).')
  name: string
}

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
    capacity: skuName == 'Premium' ? premiumCapacity : null
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: publicNetworkAccess
  }
}

resource queueResources 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [
  for queue in queues: {
    parent: namespace
    name: queue
    properties: {
      lockDuration: lockDuration
      maxDeliveryCount: maxDeliveryCount
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
      deadLetteringOnMessageExpiration: true
      defaultMessageTimeToLive: messageTimeToLive
      requiresSession: false
      enablePartitioning: false
      enableBatchedOperations: true
    }
  }
]

resource topicResources 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = [
  for topic in topics: {
    parent: namespace
    name: topic
    properties: {
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
      defaultMessageTimeToLive: messageTimeToLive
      enablePartitioning: false
      enableBatchedOperations: true
    }
  }
]

resource subscriptionResources 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for subscription in subscriptions: {
    parent: topicResources[indexOf(topics, subscription.topic)]
    name: subscription.name
    properties: {
      lockDuration: lockDuration
      maxDeliveryCount: maxDeliveryCount
      deadLetteringOnMessageExpiration: true
      deadLetteringOnFilterEvaluationExceptions: true
      defaultMessageTimeToLive: messageTimeToLive
      requiresSession: false
      enableBatchedOperations: true
    }
  }
]

// Each subscription's default rule takes every message except one resubmitted for another subscription of the same
// topic: an operator resubmits a dead-lettered message to its topic with the application property ResubmitTo set to
// the subscription it came from (tools/send-message.cs resubmit), so only that consumer receives it again.
resource subscriptionRules 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2024-01-01' = [
  for (subscription, i) in subscriptions: {
    parent: subscriptionResources[i]
    name: '$Default'
    properties: {
      filterType: 'SqlFilter'
      sqlFilter: {
        sqlExpression: 'NOT EXISTS(user.ResubmitTo) OR user.ResubmitTo = \'${subscription.name}\''
      }
    }
  }
]

output id string = namespace.id
output name string = namespace.name
@description('Host name the app connects to with its identity (ServiceBus__fullyQualifiedNamespace).')
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]
