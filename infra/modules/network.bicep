// The private network, deployed only when public network access is closed: a virtual network whose 'app' subnet
// the Function App joins (Flex Consumption VNet integration; outbound through a NAT gateway with one fixed public
// address, which the carrier may allow-list) and whose 'endpoints' subnet holds one private endpoint per data
// service the app uses (storage blob, queue and table; Key Vault; Service Bus), each resolved through its private
// DNS zone linked to the network.

@description('Name of the virtual network; the NAT gateway, its address and the endpoints are named after it.')
@minLength(2)
@maxLength(50)
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Address space, a /22 or larger: the app subnet takes the first /23, the endpoints subnet the next /24.')
param addressPrefix string

@description('The private endpoints, one per service and sub-resource.')
param endpoints endpointSpec[]

@description('One private endpoint.')
type endpointSpec = {
  @description('Short name used in the endpoint\'s resource name (e.g. blob, vault).')
  name: string

  @description('Resource type of the service, e.g. Microsoft.Storage/storageAccounts.')
  resourceType: string

  @description('Name of the service, in this resource group.')
  resourceName: string

  @description('Private link sub-resource: blob, queue, table, vault or namespace.')
  groupId: string

  @description('Private DNS zone the endpoint registers in (privatelink.<service zone>).')
  dnsZone: string
}

resource outboundAddress 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: 'pip-${name}'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource natGateway 'Microsoft.Network/natGateways@2024-05-01' = {
  name: 'ng-${name}'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    idleTimeoutInMinutes: 4
    publicIpAddresses: [
      {
        id: outboundAddress.id
      }
    ]
  }
}

resource network 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 23, 0)
          natGateway: {
            id: natGateway.id
          }
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'endpoints'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 2)
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource appSubnet 'subnets' existing = {
    name: 'app'
  }

  resource endpointSubnet 'subnets' existing = {
    name: 'endpoints'
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for endpoint in endpoints: {
    name: endpoint.dnsZone
    location: 'global'
    tags: tags
  }
]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (endpoint, i) in endpoints: {
    parent: zones[i]
    name: name
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: network.id
      }
    }
  }
]

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2024-05-01' = [
  for endpoint in endpoints: {
    name: 'pe-${name}-${endpoint.name}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: network::endpointSubnet.id
      }
      privateLinkServiceConnections: [
        {
          name: endpoint.name
          properties: {
            privateLinkServiceId: resourceId(endpoint.resourceType, endpoint.resourceName)
            groupIds: [
              endpoint.groupId
            ]
          }
        }
      ]
    }
  }
]

resource zoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = [
  for (endpoint, i) in endpoints: {
    parent: privateEndpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: endpoint.groupId
          properties: {
            privateDnsZoneId: zones[i].id
          }
        }
      ]
    }
  }
]

@description('Subnet the Function App joins (virtualNetworkSubnetId).')
output appSubnetId string = network::appSubnet.id

@description('The one public address the app\'s outbound calls (e.g. to the carrier) come from.')
output outboundIpAddress string = outboundAddress.properties.ipAddress
