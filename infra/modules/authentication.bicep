// App Service authentication ("Easy Auth") in front of the Function App, with Microsoft Entra ID as the identity
// provider: the platform validates the bearer token of every request, answers 401 to a request without a valid one,
// strips any X-MS-CLIENT-PRINCIPAL header a client sends and passes the caller's claims in its own. The picking
// floor takes its caller from that header (docs/warehouse.md, "Who may work the picking floor"). Routes with an
// authentication of their own are excluded: the carrier's callbacks (HMAC-signed) and the function-key routes of
// ordering and operations (stock, fulfilment status).

@description('Name of the Function App to put authentication in front of.')
param functionAppName string

@description('Application (client) id of the Entra app registration that represents the Fulfilment API.')
@minLength(36)
@maxLength(36)
param clientId string

@description('Directory (tenant) id of the app registration.')
@minLength(36)
@maxLength(36)
param tenantId string

@description('Audiences a token must be issued for (the app registration\'s application id URI, e.g. api://<clientId>).')
@minLength(1)
param allowedAudiences array

@description('Paths the platform lets through without an Entra token, because the app authenticates them itself.')
param excludedPaths array

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource authentication 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: excludedPaths
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: allowedAudiences
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}
