// The two alerts an operator must act on (README "Operations" says what each means and what to do):
// - dead-lettered messages: Service Bus's DeadletteredMessages metric above 0 on any queue or topic, per entity;
// - a fulfilment ending CompensationFailed: a log search over the app's structured log in the workspace. Every
//   run that ends so logs "Fulfilment of order {OrderId} finished {Outcome}: {Reason}" with Outcome =
//   CompensationFailed (Application Insights puts the template's holes in AppTraces.Properties).
// Both notify the action group when an address is given; without one they still fire in the portal.

@description('Azure region of the log search alert (the workspace\'s).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Suffix of the alert and action group names (the environment\'s token).')
param nameSuffix string

@description('Resource id of the Service Bus namespace.')
param serviceBusNamespaceId string

@description('Resource id of the Log Analytics workspace holding the app\'s logs (AppTraces).')
param workspaceId string

@description('Address that gets the alerts by e-mail (empty: no action group; the alerts show in the portal only).')
param alertEmailAddress string

var notify = !empty(alertEmailAddress)

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = if (notify) {
  name: 'ag-fulfil-${nameSuffix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'fulfilment'
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmailAddress
        useCommonAlertSchema: true
      }
    ]
  }
}

resource deadLettered 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-dead-lettered-${nameSuffix}'
  location: 'global'
  tags: tags
  properties: {
    description: 'Messages are waiting in a dead-letter queue (dimension EntityName names the queue or topic). Inspect the reason, fix the cause, resubmit or discard: see README, Operations.'
    severity: 2
    enabled: true
    scopes: [
      serviceBusNamespaceId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'dead-lettered'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          dimensions: [
            {
              name: 'EntityName'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    actions: notify
      ? [
          {
            actionGroupId: operators.id
          }
        ]
      : []
  }
}

resource compensationFailed 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-compensation-failed-${nameSuffix}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Fulfilment ended CompensationFailed'
    description: 'An order\'s fulfilment could not be undone: its stock stays reserved until an operator releases or consumes it. The OrderId dimension names the order; its Reason names the failing step. See README, Operations.'
    severity: 1
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    autoMitigate: false
    criteria: {
      allOf: [
        {
          query: 'AppTraces | where tostring(Properties.Outcome) == "CompensationFailed" | extend OrderId = tostring(Properties.OrderId)'
          timeAggregation: 'Count'
          dimensions: [
            {
              name: 'OrderId'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: notify ? [operators.id] : []
    }
  }
}
