using System.Text.Json.Serialization;
using ArtBot.Domain.AzureDevOps;

namespace ArtBot.Storage.AzureDevOps;

/// <summary>The link row's JSON column: the work items linked by URL.</summary>
[JsonSerializable(typeof(List<LinkedWorkItem>))]
internal sealed partial class BacklogLinkJsonContext : JsonSerializerContext;
