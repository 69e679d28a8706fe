// ArtBot production deployment (resource group scope), no secrets:
//   user-assigned managed identity  -> the bot's Microsoft App ID (msaAppType UserAssignedMSI)
//   Azure Bot (global) + Teams channel, messaging endpoint https://<web app>/api/messages
//   App Service plan (Linux) + Web App (DOTNETCORE|10.0) running the host with that identity
//   Storage account (Table Storage through Entra ID only) + "Storage Table Data Contributor" for the identity
//   Log Analytics workspace + workspace-based Application Insights
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json

targetScope = 'resourceGroup'

@description('Base name for every resource name (lower-case letters, digits and hyphens).')
@minLength(3)
@maxLength(16)
param baseName string = 'artbot'

@description('Region for all regional resources (the Azure Bot itself is always global).')
param location string = resourceGroup().location

@description('Suffix that keeps the globally unique names (web app, bot, storage) unique (lower-case letters and digits; the storage account name takes it as is).')
@minLength(1) // never empty: the names would end with a hyphen, and the storage account name could fall under 3 characters (BCP334)
param nameSuffix string = uniqueString(resourceGroup().id)

@description('Name of the user-assigned managed identity the bot authenticates as.')
param identityName string = 'id-${baseName}-${nameSuffix}'

@description('Name of the Azure Bot resource (globally unique bot handle).')
param botName string = 'bot-${baseName}-${nameSuffix}'

@description('Display name of the bot in the Azure Bot resource.')
param botDisplayName string = 'ArtBot'

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are free) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name of the App Service plan.')
param appServicePlanName string = 'asp-${baseName}-${nameSuffix}'

@description('App Service plan SKU. Basic or higher (Always On needs it).')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServicePlanSku string = 'B1'

@description('Instances of the host behind App Service\'s load balancer (no session affinity). Every shared state (ballots, claims, the tenant\'s send pace) is in Table Storage, so any instance takes any request; two at least, so a restart or a platform update never leaves the bot unreachable. Basic (B1-B3) allows up to 3, Premium v3 up to 30.')
@minValue(2)
@maxValue(30)
param instanceCount int = 2

@description('Name of the web app; its host name becomes <name>.azurewebsites.net.')
param webAppName string = 'app-${baseName}-${nameSuffix}'

@description('Name of the storage account (3-24 lower-case letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param storageAccountName string = take('st${toLower(replace(baseName, '-', ''))}${nameSuffix}', 24)

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string = 'log-${baseName}-${nameSuffix}'

@description('Name of the Application Insights component.')
param appInsightsName string = 'appi-${baseName}-${nameSuffix}'

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Client id of the app registration the ART room tab signs in with (Teams SSO; a managed identity cannot expose an API). Empty: the tab is served but nobody can sign in until it is set.')
param roomSsoClientId string = ''

@description('The Teams app id (the id in the app package manifest, TEAMS_APP_ID): the in-meeting notification of a meeting vote opens the ballot through it. Empty: the bot app id, as the package script defaults to.')
param teamsAppId string = ''

@description('Tags for every resource.')
param tags object = {
  application: 'ArtBot'
}

// Built-in role "Storage Table Data Contributor".
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false // Entra ID (the managed identity) only: no account keys, no SAS
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: appServicePlanName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // stateless host: any instance can take any request
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet ArtBot.dll' // published ReadyToRun, framework-dependent, on the site's .NET 10 runtime
      alwaysOn: true // the scheduler (ART sync reminders, outbox) must keep running
      healthCheckPath: '/health/ready'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: identity.properties.tenantId
        }
        {
          name: 'Storage__TableEndpoint'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'AZURE_CLIENT_ID' // lets Azure.Identity pick this identity (DefaultAzureCredential, Graph, storage)
          value: identity.properties.clientId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'Room__ClientId' // the ART room tab's SSO app registration (infra/README.md, "The ART room tab")
          value: roomSsoClientId
        }
        {
          name: 'Room__Audience'
          value: empty(roomSsoClientId) ? '' : 'api://${webAppName}.azurewebsites.net/${roomSsoClientId}'
        }
        {
          name: 'Meetings__TeamsAppId' // docs/meetings.md: the bubble link of the in-meeting notification names the Teams app
          value: teamsAppId
        }
        {
          name: 'Meetings__PublicUrl' // where Teams opens the meeting pages (ballot, concern prompt) from a notification
          value: 'https://${webAppName}.azurewebsites.net'
        }
      ]
    }
  }
}

// No FTP(S) publishing with basic credentials (deployments use az webapp deploy with Entra ID).
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Messaging endpoint registered on the Azure Bot.')
output botEndpoint string = bot.properties.endpoint

@description('The bot\'s Microsoft App ID (client id of the managed identity): --app-id for the Teams package.')
output microsoftAppId string = identity.properties.clientId

@description('Tenant of the managed identity (MicrosoftAppTenantId).')
output microsoftAppTenantId string = identity.properties.tenantId

@description('Host name of the web app: --host for the Teams package.')
output webAppHostName string = webApp.properties.defaultHostName

@description('Name of the web app (for az webapp deploy).')
output webAppName string = webApp.name

@description('Table endpoint the host uses (Storage__TableEndpoint).')
output storageTableEndpoint string = storage.properties.primaryEndpoints.table

@description('Name of the Azure Bot resource.')
output botName string = bot.name

@description('Resource id of the managed identity.')
output identityResourceId string = identity.id

@description('Name of the Application Insights component whose connection string the web app gets (APPLICATIONINSIGHTS_CONNECTION_STRING).')
output appInsightsName string = appInsights.name
