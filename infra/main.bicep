// Concord on Azure: a Linux App Service (Node 24 LTS) running the bot, an Azure Bot in single-tenant
// managed-identity mode with the Teams channel, a Storage account whose tables the bot reaches
// through its user-assigned managed identity (shared keys disabled: no secret anywhere), and
// Application Insights. Deploy with the commands in README.md ("Deploy to Azure").

@description('Short lower-case name used for every resource (3 to 16 letters or digits).')
@minLength(3)
@maxLength(16)
param appName string

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Display name of the bot in Teams.')
param botDisplayName string = 'Concord'

@description('App Service plan SKU. B1 is enough for a partnership; P1v3 for production scale.')
param appServiceSku string = 'B1'

@description('Azure Bot SKU: F0 (free) or S1.')
@allowed([ 'F0', 'S1' ])
param botSku string = 'S1'

@description('Path of the partnership directory inside the deployed app (see docs/directory.md).')
param directoryFile string = 'config/partnership.json'

@description('The Partnership tab: client id of the Entra app registration that exposes api://<app host>/<client id> for Teams SSO (docs/dashboard.md). Empty: the tab refuses everyone.')
param tabClientId string = ''

var suffix = uniqueString(resourceGroup().id, appName)
var storageName = toLower(take('${appName}${suffix}', 24))

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${appName}-identity'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Only Entra identities: the bot's managed identity, never an account key.
    allowSharedKeyAccess: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Storage Table Data Contributor, for the bot's identity only.
var tableDataContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
resource tableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, tableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: tableDataContributor
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${appName}-logs'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 90 }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${appName}-insights'
  location: location
  kind: 'web'
  properties: { Application_Type: 'Node.JS', WorkspaceResourceId: logs.id }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: '${appName}-${suffix}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/healthz'
      appCommandLine: 'node dist/src/index.js'
      appSettings: [
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TYPE', value: 'UserAssignedMSI' }
        { name: 'BOT_TENANT_ID', value: tenant().tenantId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.table }
        { name: 'DIRECTORY_FILE', value: directoryFile }
        { name: 'SSO_CLIENT_ID', value: tabClientId }
        { name: 'SSO_APP_ID_URI', value: empty(tabClientId) ? '' : 'api://${appName}-${suffix}.azurewebsites.net/${tabClientId}' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${appName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output botId string = identity.properties.clientId
output botDomain string = app.properties.defaultHostName
output tabAppIdUri string = empty(tabClientId) ? '' : 'api://${app.properties.defaultHostName}/${tabClientId}'
output storageAccountUrl string = storage.properties.primaryEndpoints.table
